package dev.portcullis.adapters.redis;

import static dev.portcullis.application.port.out.contract.Times.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.portcullis.application.port.out.contract.Clients;
import dev.portcullis.application.port.out.contract.Codes;
import dev.portcullis.application.port.out.contract.Fixtures;
import dev.portcullis.application.port.out.contract.Keys;
import dev.portcullis.application.port.out.contract.RefreshTokens;
import dev.portcullis.application.port.out.contract.Users;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.token.TokenId;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Where the adapters put things in Redis: every key under the prefix, and TTLs that follow each item's expiry. */
class RedisKeyLayoutTest {

    @RegisterExtension
    static final RedisTestServer redis = new RedisTestServer();

    /** Slack between computing an expiry here and Redis reading the TTL. */
    private static final Offset<Long> CLOSE = Offset.offset(2_000L);

    private final Clock clock = Clock.systemUTC();
    private final RedisCommands<String, String> raw = redis.backend().commands();
    private final String prefix = redis.keyPrefix();

    @Test
    void aCodeLivesUnderThePrefixUntilItExpires() {
        Instant expires = clock.instant().plusSeconds(60);
        AuthorizationCode code = Codes.anyCode(expires);

        new RedisAuthorizationCodeStore(redis.backend(), clock).save(code);

        String key = prefix + "code:" + code.hash().value();
        assertThat(raw.type(key)).isEqualTo("hash");
        assertThat(raw.pttl(key)).isCloseTo(60_000L, CLOSE).isPositive();
    }

    @Test
    void refreshTokensAndTheirFamilyExpireWithThem() {
        Instant now = clock.instant();
        RefreshTokenStoreAndToken s = new RefreshTokenStoreAndToken(now);
        RefreshToken successor = RefreshTokens.successorOf(s.token, now.plusSeconds(5));

        s.store.rotate(s.token.hash(), successor, now.plusSeconds(5));

        assertThat(raw.type(prefix + "rt:" + s.token.hash().value())).isEqualTo("hash");
        assertThat(raw.pttl(prefix + "rt:" + s.token.hash().value())).isCloseTo(RefreshTokens.IDLE.toMillis(), CLOSE);
        assertThat(raw.pttl(prefix + "rt:" + successor.hash().value())).isCloseTo(RefreshTokens.IDLE.toMillis() + 5_000, CLOSE);
        String family = prefix + "rtfam:" + s.token.family().value();
        assertThat(raw.type(family)).isEqualTo("set");
        assertThat(raw.smembers(family)).containsExactlyInAnyOrder(s.token.hash().value(), successor.hash().value());
        assertThat(raw.pttl(family)).isCloseTo(RefreshTokens.FAMILY.toMillis(), CLOSE);
    }

    @Test
    void aRevocationIsOneKeyThatExpiresWhenItEnds() {
        TokenId jti = Fixtures.anyTokenId();
        Instant until = clock.instant().plus(Duration.ofMinutes(15));

        new RedisRevocationList(redis.backend(), clock).revoke(jti, until);

        String key = prefix + "revoked:" + jti.value();
        assertThat(raw.type(key)).isEqualTo("string");
        assertThat(raw.pttl(key)).isCloseTo(900_000L, CLOSE);
        assertThat(Doc.instant(raw.get(key))).isEqualTo(until);
    }

    @Test
    void ttlsAreMeasuredOnTheApplicationsClock() {
        Clock fixed = Clock.fixed(T0, ZoneOffset.UTC); // 2030: far from Redis' own clock
        AuthorizationCode code = Codes.anyCode(T0.plusSeconds(300));

        new RedisAuthorizationCodeStore(redis.backend(), fixed).save(code);

        assertThat(raw.pttl(prefix + "code:" + code.hash().value())).isCloseTo(300_000L, CLOSE);
    }

    @Test
    void clientsUsersAndKeysAreHashesThatNeverExpire() {
        new RedisClientRepository(redis.backend()).save(Clients.confidential("myapp").build());
        new RedisUserRepository(redis.backend()).save(Users.enabled("alice"));
        new RedisKeyStore(redis.backend()).save(Keys.es256("kid-1", T0));

        for (String name : List.of("clients", "users", "keys")) {
            assertThat(raw.type(prefix + name)).as(name).isEqualTo("hash");
            assertThat(raw.pttl(prefix + name)).as(name).isEqualTo(-1L);
        }
        assertThat(raw.hkeys(prefix + "clients")).containsExactly("myapp");
        assertThat(raw.hkeys(prefix + "users")).containsExactly("alice");
    }

    @Test
    void nothingIsWrittenOutsideThePrefix() {
        assumeThat(redis.canStop()).as("a server of our own, so every key in it is ours").isTrue();
        Instant now = clock.instant();
        new RedisAuthorizationCodeStore(redis.backend(), clock).save(Codes.anyCode(now.plusSeconds(60)));
        new RefreshTokenStoreAndToken(now);
        new RedisRevocationList(redis.backend(), clock).revoke(Fixtures.anyTokenId(), now.plusSeconds(60));
        new RedisClientRepository(redis.backend()).save(Clients.confidential("myapp").build());

        assertThat(allKeys()).isNotEmpty().allSatisfy(k -> assertThat(k).startsWith(prefix));
    }

    @Test
    void theDefaultPrefixIsPortcullis() {
        assumeThat(redis.canStop()).as("a server of our own: this writes outside the test prefix").isTrue();
        try (RedisBackend defaults = RedisBackend.connect(RedisSettings.of(redis.uri()))) {
            new RedisClientRepository(defaults).save(Clients.confidential("myapp").build());

            assertThat(raw.hkeys("portcullis:clients")).containsExactly("myapp");
        } finally {
            raw.del("portcullis:clients");
        }
    }

    private List<String> allKeys() {
        List<String> keys = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = raw.scan(cursor);
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return keys;
    }

    private static final class RefreshTokenStoreAndToken {
        final RedisRefreshTokenStore store = new RedisRefreshTokenStore(redis.backend(), Clock.systemUTC());
        final RefreshToken token;

        RefreshTokenStoreAndToken(Instant now) {
            token = RefreshTokens.active(now);
            store.save(token);
        }
    }
}
