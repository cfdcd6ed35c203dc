package dev.portcullis.adapters.redis;

import static dev.portcullis.application.port.out.contract.Times.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portcullis.application.port.out.AuthorizationCodeStore;
import dev.portcullis.application.port.out.RefreshTokenStore;
import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.application.port.out.contract.Codes;
import dev.portcullis.application.port.out.contract.Fixtures;
import dev.portcullis.application.port.out.contract.Race;
import dev.portcullis.application.port.out.contract.RefreshTokens;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.code.Redemption;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.refresh.Rotation;
import dev.portcullis.domain.token.TokenId;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contracts race callers on one connection; here they race from separate connections, as
 * separate nodes of a cluster would, so that atomicity rests on Redis and not on one pipeline.
 */
class RedisAcrossNodesTest {

    @RegisterExtension
    static final RedisTestServer redis = new RedisTestServer();

    private static final int NODES = 4;
    private static final int RACERS = 32;
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    private final List<RedisBackend> nodes = IntStream.range(0, NODES).mapToObj(i -> redis.connect(redis.settings())).toList();

    @Test
    void exactlyOneOf32CallersOnFourNodesRedeemsACode() {
        List<AuthorizationCodeStore> stores = nodes.stream()
                .map(n -> (AuthorizationCodeStore) new RedisAuthorizationCodeStore(n, CLOCK)).toList();
        for (int round = 0; round < 5; round++) {
            AuthorizationCode code = Codes.anyCode(T0.plusSeconds(60));
            stores.get(0).save(code);

            List<Redemption> outcomes = Race.run(RACERS, i -> () -> stores.get(i % NODES).redeem(code.hash(), T0));

            assertThat(outcomes).filteredOn(Redemption.Redeemed.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(Redemption.Replayed.class::isInstance).hasSize(RACERS - 1);
        }
    }

    @Test
    void exactlyOneOf32CallersOnFourNodesRotatesAToken() {
        List<RefreshTokenStore> stores = nodes.stream()
                .map(n -> (RefreshTokenStore) new RedisRefreshTokenStore(n, CLOCK)).toList();
        RefreshToken token = RefreshTokens.active(T0);
        stores.get(0).save(token);
        List<RefreshToken> successors = IntStream.range(0, RACERS)
                .mapToObj(i -> RefreshTokens.successorOf(token, T0.plusSeconds(1))).toList();

        List<Rotation> outcomes = Race.run(RACERS,
                i -> () -> stores.get(i % NODES).rotate(token.hash(), successors.get(i), T0.plusSeconds(1)));

        assertThat(outcomes).filteredOn(Rotation.Rotated.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(Rotation.Reused.class::isInstance).hasSize(RACERS - 1);
        assertThat(stores.get(1).revokeFamily(token.family())).hasSize(2);
    }

    @Test
    void aRevocationAcknowledgedOnOneNodeIsSeenOnEveryOther() {
        List<RevocationList> lists = nodes.stream().map(n -> (RevocationList) new RedisRevocationList(n, CLOCK)).toList();
        TokenId jti = Fixtures.anyTokenId();

        lists.get(0).revoke(jti, T0.plusSeconds(900));

        assertThat(lists.get(0).isRevoked(jti)).as("at once on the node that revoked").isTrue();
        await("pub/sub to every other node").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(5))
                .until(() -> lists.stream().allMatch(list -> list.isRevoked(jti)));
    }
}
