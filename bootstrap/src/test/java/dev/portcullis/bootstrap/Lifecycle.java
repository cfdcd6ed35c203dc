package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.RunningServer.basic;
import static dev.portcullis.bootstrap.RunningServer.form;
import static dev.portcullis.bootstrap.RunningServer.json;

import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.adapters.crypto.SecretHashers;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.refresh.FamilyId;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.token.TokenId;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/** What the revocation, introspection and key-rotation tests arrange and ask, against a {@link RunningServer}. */
final class Lifecycle {

    private Lifecycle() {
    }

    /** Registers a confidential client_credentials client behind the server's back, as an operator would. */
    static void registerClient(RunningServer portcullis, String id, String secret, String... scopes) {
        portcullis.server.storage().clients().save(Client.confidential(new ClientId(id),
                        SecretHashers.forClientSecrets(Clock.systemUTC()).hash(secret))
                .grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS))
                .allowedScopes(ScopeSet.of(scopes))
                .defaultScopes(ScopeSet.of(scopes))
                .build());
    }

    static String token(RunningServer portcullis, String id, String secret) {
        HttpResponse<String> response = portcullis.postForm("/token", "grant_type=client_credentials", "Authorization",
                basic(id, secret));
        if (response.statusCode() != 200) {
            throw new AssertionError("token request failed: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("access_token").asText();
    }

    /**
     * Stores a refresh token of {@code client}, as the refresh grant would have issued it beside the access
     * token {@code accessToken}; returns the plaintext refresh token.
     */
    static String refreshToken(RunningServer portcullis, String client, FamilyId family, String accessToken) {
        String plaintext = "rt-" + UUID.randomUUID();
        Instant now = Instant.now();
        portcullis.server.storage().refreshTokens().save(new RefreshToken(OpaqueTokenHash.of(plaintext), family,
                new ClientId(client), client, List.of(), ScopeSet.of("read"), now, now.plus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(30)), new TokenId(jti(accessToken)), RefreshToken.State.ACTIVE));
        return plaintext;
    }

    static HttpResponse<String> revoke(RunningServer portcullis, String id, String secret, String... formPairs) {
        return portcullis.postForm("/revoke", form(formPairs), "Authorization", basic(id, secret));
    }

    static HttpResponse<String> introspect(RunningServer portcullis, String id, String secret, String... formPairs) {
        return portcullis.postForm("/introspect", form(formPairs), "Authorization", basic(id, secret));
    }

    static int whoami(RunningServer portcullis, String token) {
        return portcullis.get("/whoami", "Authorization", "Bearer " + token).statusCode();
    }

    static String jti(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
        } catch (ParseException e) {
            throw new AssertionError("not a JWT", e);
        }
    }

    static String kid(String token) {
        try {
            return SignedJWT.parse(token).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new AssertionError("not a JWT", e);
        }
    }
}
