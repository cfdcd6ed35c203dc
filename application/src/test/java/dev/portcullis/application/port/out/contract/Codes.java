package dev.portcullis.application.port.out.contract;

import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.code.PkceChallenge;
import dev.portcullis.domain.scope.ScopeSet;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Authorization codes for tests: {@code Codes.anyCode(T0.plusSeconds(60))}. */
public final class Codes {

    private static final PkceChallenge CHALLENGE =
            PkceChallenge.fromVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

    private Codes() {}

    /** A fresh code for user alice of client myapp, expiring at {@code expiresAt}. */
    public static AuthorizationCode anyCode(Instant expiresAt) {
        return code("alice", List.of("user"), ScopeSet.of("openid", "read"), expiresAt);
    }

    public static AuthorizationCode code(String subject, List<String> roles, ScopeSet scope, Instant expiresAt) {
        return new AuthorizationCode(Fixtures.anyHash(), new ClientId("myapp"),
                URI.create("https://app.example/callback?state-free=1"), CHALLENGE, subject, roles, scope,
                expiresAt, Fixtures.anyTokenId(), Fixtures.anyFamily());
    }
}
