package dev.portcullis.adapters.http.authorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.adapters.http.authorize.AuthorizationSessions.Invalid;
import dev.portcullis.adapters.http.authorize.AuthorizationSessions.Session;
import dev.portcullis.adapters.http.authorize.AuthorizationSessions.Valid;
import dev.portcullis.application.port.in.AuthorizationContext;
import dev.portcullis.application.port.out.contract.MutableClock;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.code.PkceChallenge;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.Issuer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthorizationSessionsTest {

    private static final Issuer ISSUER = new Issuer("https://as.example");
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final AuthorizationContext CONTEXT = new AuthorizationContext(new ClientId("spa <&>"),
            URI.create("http://127.0.0.1:4711/cb?x=1"), PkceChallenge.fromVerifier("v".repeat(43)), ScopeSet.of("read", "write"),
            Optional.of("state with \"quotes\" and spaces"));
    private static final String NONCE = "n".repeat(43);

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private final AuthorizationSessions sessions = new AuthorizationSessions(KEY, Duration.ofMinutes(10), clock);

    @Test
    void aSealedSessionOpensToWhatWasSealed() {
        String sealed = sessions.seal(new Session(CONTEXT, ISSUER, NONCE));

        assertThat(sessions.open(sealed, ISSUER)).isEqualTo(new Valid(new Session(CONTEXT, ISSUER, NONCE)));
    }

    @Test
    void aContextWithoutStateStaysWithoutState() {
        AuthorizationContext stateless = new AuthorizationContext(CONTEXT.clientId(), CONTEXT.redirectUri(),
                CONTEXT.challenge(), ScopeSet.empty(), Optional.empty());

        assertThat(sessions.open(sessions.seal(new Session(stateless, ISSUER, NONCE)), ISSUER))
                .isEqualTo(new Valid(new Session(stateless, ISSUER, NONCE)));
    }

    @Test
    void everySingleCharacterChangeIsRefused() {
        String sealed = sessions.seal(new Session(CONTEXT, ISSUER, NONCE));
        for (int i = 0; i < sealed.length(); i++) {
            char[] chars = sealed.toCharArray();
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
            if (!new String(chars).equals(sealed)) {
                assertThat(sessions.open(new String(chars), ISSUER)).as("change at %d", i).isInstanceOf(Invalid.class);
            }
        }
    }

    @Test
    void aSecondEncodingOfTheSameMacIsRefused() {
        String sealed = sessions.seal(new Session(CONTEXT, ISSUER, NONCE));
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = sealed.charAt(sealed.length() - 1);
        // 43 characters carry 258 bits for a 256-bit MAC: the lowest bit of the last one is unused
        String sameBytes = sealed.substring(0, sealed.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);

        assertThat(sessions.open(sameBytes, ISSUER)).isInstanceOf(Invalid.class);
    }

    @Test
    void anotherKeyCannotOpenIt() {
        byte[] otherKey = Arrays.copyOf(KEY, KEY.length);
        otherKey[0] ^= 1;
        String sealed = new AuthorizationSessions(otherKey, Duration.ofMinutes(10), clock).seal(new Session(CONTEXT, ISSUER, NONCE));

        assertThat(sessions.open(sealed, ISSUER)).isInstanceOf(Invalid.class);
    }

    @Test
    void itExpiresAfterItsLifetime() {
        String sealed = sessions.seal(new Session(CONTEXT, ISSUER, NONCE));

        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(sessions.open(sealed, ISSUER)).isInstanceOf(Valid.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(sessions.open(sealed, ISSUER)).isInstanceOf(Invalid.class);
    }

    @Test
    void itOpensOnlyAtTheIssuerItWasShownFor() {
        String sealed = sessions.seal(new Session(CONTEXT, ISSUER, NONCE));

        assertThat(sessions.open(sealed, new Issuer("https://other.example"))).isInstanceOf(Invalid.class);
    }

    @Test
    void garbageIsRefusedNotThrown() {
        String sealed = sessions.seal(new Session(CONTEXT, ISSUER, NONCE));

        for (String garbage : new String[] {"", ".", "a.b", "a.b.c", "!!!.###", sealed + "." + sealed.substring(0, 4),
                "x".repeat(AuthorizationSessions.MAX_SEALED_LENGTH + 1)}) {
            assertThat(sessions.open(garbage, ISSUER)).as(garbage).isInstanceOf(Invalid.class);
        }
    }

    @Test
    void aShortKeyOrNoLifetimeIsRefused() {
        assertThatThrownBy(() -> new AuthorizationSessions(new byte[31], Duration.ofMinutes(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthorizationSessions(KEY, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyIsCopiedNotShared() {
        byte[] key = Arrays.copyOf(KEY, KEY.length);
        AuthorizationSessions copy = new AuthorizationSessions(key, Duration.ofMinutes(10), clock);
        String sealed = copy.seal(new Session(CONTEXT, ISSUER, NONCE));

        Arrays.fill(key, (byte) 0);

        assertThat(copy.open(sealed, ISSUER)).isInstanceOf(Valid.class);
    }
}
