package dev.portcullis.application.port.out;

import dev.portcullis.domain.user.Username;
import java.time.Duration;
import java.util.Optional;

/**
 * Brute-force protection for the login page: failed logins per username and source address,
 * and the lockouts they cause ({@link dev.portcullis.domain.user.LoginThrottlePolicy}).
 * Throws {@link BackendUnavailableException} when its store cannot answer.
 */
public interface LoginThrottle {

    /** How long attempts for {@code username} from {@code source} are refused; empty: one may be made now. */
    Optional<Duration> retryAfter(Username username, String source);

    void recordFailure(Username username, String source);

    /** A successful login ends the streak of failures for the pair. */
    void recordSuccess(Username username, String source);
}
