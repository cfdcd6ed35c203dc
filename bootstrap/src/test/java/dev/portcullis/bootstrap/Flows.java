package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.RunningServer.form;
import static dev.portcullis.bootstrap.RunningServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.code.PkceChallenge;
import dev.portcullis.domain.refresh.FamilyId;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.token.TokenId;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** The grants' requests as the worked examples send them, against a {@link RunningServer}. */
final class Flows {

    static final String SPA_CALLBACK = "http://127.0.0.1:9999/callback";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Flows() {
    }

    /** {@code grant_type=password} for admin/secret through client myapp, with extra form pairs. */
    static HttpResponse<String> password(RunningServer server, String... extra) {
        return server.postForm("/token", form(concat(new String[] {"grant_type", "password", "username", "admin",
                "password", "secret", "client_id", "myapp", "client_secret", "secret"}, extra)));
    }

    /** A successful password grant's body. */
    static JsonNode passwordTokens(RunningServer server, String... extra) {
        return ok(password(server, extra));
    }

    /** {@code grant_type=refresh_token} through client myapp. */
    static HttpResponse<String> refresh(RunningServer server, String refreshToken, String... extra) {
        return server.postForm("/token", form(concat(new String[] {"grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", "myapp", "client_secret", "secret"}, extra)));
    }

    static int whoami(RunningServer server, String accessToken) {
        return server.get("/whoami", "Authorization", "Bearer " + accessToken).statusCode();
    }

    static JsonNode ok(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("expected 200, got " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    /**
     * A code as the authorize endpoint would have stored it, planted straight into the server's
     * store: its value and verifier are known to the test, its token ids chosen now.
     */
    record PlantedCode(String value, String verifier, AuthorizationCode code) {
        String jti() {
            return code.accessTokenId().value();
        }
    }

    /** A code for the public client spa, user admin (role admin), scope read, redirect {@value #SPA_CALLBACK}. */
    static PlantedCode plantCode(RunningServer server) {
        return plantCode(server, "spa", SPA_CALLBACK);
    }

    static PlantedCode plantCode(RunningServer server, String clientId, String redirectUri) {
        String value = random(32);
        String verifier = random(32);
        AuthorizationCode code = new AuthorizationCode(OpaqueTokenHash.of(value), new ClientId(clientId),
                URI.create(redirectUri), PkceChallenge.fromVerifier(verifier), "admin", List.of("admin"),
                ScopeSet.of("read"), Instant.now().plusSeconds(60), new TokenId("jti-" + random(16)),
                new FamilyId("family-" + random(16)));
        server.server.storage().codes().save(code);
        return new PlantedCode(value, verifier, code);
    }

    /** {@code grant_type=authorization_code} as client spa (a public client: client_id alone), with every parameter as planted. */
    static HttpResponse<String> exchange(RunningServer server, PlantedCode code) {
        return exchange(server, "client_id", "spa", "code", code.value(), "redirect_uri", code.code().redirectUri().toString(),
                "code_verifier", code.verifier());
    }

    /** {@code grant_type=authorization_code} with exactly the given form pairs besides it. */
    static HttpResponse<String> exchange(RunningServer server, String... pairs) {
        return server.postForm("/token", form(concat(new String[] {"grant_type", "authorization_code"}, pairs)));
    }

    /** 43 base64url characters for 32 bytes: a valid code_verifier (RFC 7636 §4.1), and good code material. */
    static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    private static String[] concat(String[] head, String[] tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
