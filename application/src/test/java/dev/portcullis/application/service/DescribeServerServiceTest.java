package dev.portcullis.application.service;

import static dev.portcullis.application.port.out.contract.Times.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.application.port.in.DescribeServer.ServerCapabilities;
import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.application.port.out.contract.MapClientRepository;
import dev.portcullis.application.port.out.contract.MutableClock;
import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.scope.ScopeSet;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DescribeServerServiceTest {

    private static final ServerCapabilities FIXED = new ServerCapabilities(List.of(GrantType.CLIENT_CREDENTIALS),
            List.of(AuthMethod.CLIENT_SECRET_BASIC), ScopeSet.of("ignored"), Set.of(SigningAlgorithm.ES256));

    private final MapClientRepository clients = new MapClientRepository();
    private final MutableClock clock = MutableClock.at(T0);
    private final DescribeServerService describe = new DescribeServerService(FIXED, clients, clock);

    private void register(String id, String... scopes) {
        clients.save(Client.publicClient(new ClientId(id)).allowedScopes(ScopeSet.of(scopes)).build());
    }

    @Test
    void scopesAreTheUnionOfTheRegisteredClientsAndTheRestIsFixed() {
        register("a", "read", "write");
        register("b", "write", "admin");

        ServerCapabilities answer = describe.capabilities();

        assertThat(answer.scopes()).isEqualTo(ScopeSet.of("admin", "read", "write"));
        assertThat(answer.grantTypes()).isEqualTo(FIXED.grantTypes());
        assertThat(answer.tokenEndpointAuthMethods()).isEqualTo(FIXED.tokenEndpointAuthMethods());
        assertThat(answer.signingAlgorithms()).isEqualTo(FIXED.signingAlgorithms());
    }

    @Test
    void aNewClientShowsItsScopesOnceTheCachedAnswerExpires() {
        register("a", "read");
        assertThat(describe.capabilities().scopes()).isEqualTo(ScopeSet.of("read"));

        register("b", "write");
        clock.advance(DescribeServerService.TTL.minus(Duration.ofMillis(1)));
        assertThat(describe.capabilities().scopes()).as("still cached").isEqualTo(ScopeSet.of("read"));

        clock.advance(Duration.ofMillis(1));
        assertThat(describe.capabilities().scopes()).isEqualTo(ScopeSet.of("read", "write"));
    }

    @Test
    void whileTheStoreIsDownTheLastAnswerStands() {
        register("a", "read");
        ServerCapabilities before = describe.capabilities();
        clients.down = true;
        clock.advance(DescribeServerService.TTL.multipliedBy(3));

        assertThat(describe.capabilities()).isEqualTo(before);
    }

    @Test
    void withoutAnyAnswerYetAnOutageIsReported() {
        clients.down = true;

        assertThatThrownBy(describe::capabilities).isInstanceOf(BackendUnavailableException.class);
    }
}
