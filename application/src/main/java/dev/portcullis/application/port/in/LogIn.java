package dev.portcullis.application.port.in;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The second half of the authorization endpoint: the user signs in on the login page, which
 * approves the validated request; the client gets an authorization code (RFC 6749 §4.1.2).
 */
public interface LogIn {

    LoginResult logIn(LoginAttempt attempt);

    /**
     * @param source where the attempt came from (the client's address), for throttling
     */
    record LoginAttempt(AuthorizationContext context, String username, String password, String source) {
        public LoginAttempt {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(source, "source");
        }

        /** Never prints the password. */
        @Override
        public String toString() {
            return "LoginAttempt[" + context.clientId() + ", user " + username.length() + " chars, from " + source + "]";
        }
    }

    sealed interface LoginResult permits CodeIssued, LoginFailed, Throttled, ShowError, RedirectError {
    }

    /** Redirect to {@code redirectUri} with {@code code} and {@code state} (and {@code iss}, RFC 9207). */
    record CodeIssued(URI redirectUri, String code, Optional<String> state) implements LoginResult {
        public CodeIssued {
            Objects.requireNonNull(redirectUri, "redirectUri");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(state, "state");
        }

        /** Never prints the code. */
        @Override
        public String toString() {
            return "CodeIssued[" + redirectUri + "]";
        }
    }

    /** Wrong username or password, or a disabled user: the page says only that the login failed. */
    record LoginFailed(String reason) implements LoginResult {
        public LoginFailed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Too many failures: no password was checked. */
    record Throttled(Duration retryAfter) implements LoginResult {
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
