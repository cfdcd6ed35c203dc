package dev.portcullis.application.service;

import dev.portcullis.application.port.out.AuthorizationCodeStore;
import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.port.out.LoginThrottle;
import dev.portcullis.application.port.out.UserRepository;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.code.Redemption;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stand-ins for the driven ports the login uses (see {@link Fakes} for why fakes and not the memory adapters). */
final class LoginFakes {

    private LoginFakes() {
    }

    /** Keeps every saved code; redeeming is the token endpoint's business, not the login's. */
    static final class SavedCodes implements AuthorizationCodeStore {
        final List<AuthorizationCode> saved = new ArrayList<>();

        @Override
        public void save(AuthorizationCode code) {
            saved.add(code);
        }

        @Override
        public Redemption redeem(OpaqueTokenHash hash, Instant now) {
            throw new UnsupportedOperationException("the login never redeems");
        }
    }

    /** Records what the service tells it; locks a pair when a test says so. */
    static final class RecordingThrottle implements LoginThrottle {
        final List<String> events = new ArrayList<>();
        final Map<String, Duration> locked = new HashMap<>();

        @Override
        public Optional<Duration> retryAfter(Username username, String source) {
            return Optional.ofNullable(locked.get(username.value() + "@" + source));
        }

        @Override
        public void recordFailure(Username username, String source) {
            events.add("failure " + username.value() + "@" + source);
        }

        @Override
        public void recordSuccess(Username username, String source) {
            events.add("success " + username.value() + "@" + source);
        }
    }
}
