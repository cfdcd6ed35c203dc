package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.mongo.MongoClientRepository;
import dev.portcullis.adapters.mongo.MongoStorage;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.ScopeSet;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Defence in depth: a redirect URI in the store that the redirect-URI rule refuses (written before the rule, by an
 * older version, or by hand) is never redirected to, nor named in the login page's CSP; the request gets the error
 * page. The clients are written straight into the shared store, behind Portcullis' back.
 */
class StoredRedirectUriEndToEndTest {

    @RegisterExtension
    static final MongoWireServer mongo = new MongoWireServer();

    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private static void store(MongoClientRepository clients, String id, String redirectUri) {
        clients.save(Client.publicClient(new ClientId(id))
                .grantTypes(EnumSet.of(GrantType.AUTHORIZATION_CODE))
                .redirectUris(List.of(URI.create(redirectUri)))
                .allowedScopes(ScopeSet.of("read")).defaultScopes(ScopeSet.of("read"))
                .build());
    }

    private static String authorize(String clientId, String redirectUri) {
        return "/authorize?client_id=" + clientId + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)
                + "&response_type=code&code_challenge=" + CHALLENGE + "&code_challenge_method=S256&state=s1";
    }

    @Test
    void aStoredUriThatBreaksTheRuleIsNeverRedirectedToNorListedInTheCsp() {
        String database = "portcullis_redirect_" + UUID.randomUUID().toString().substring(0, 8);
        MongoClientRepository clients = new MongoClientRepository(MongoStorage.over(mongo.database(database)));
        List<String> forbidden = List.of("javascript:alert(document.cookie)", "data:text/html,x", "http://app.example/cb",
                "https://user@app.example/cb", "myapp:/cb");
        for (int i = 0; i < forbidden.size(); i++) {
            store(clients, "legacy-" + i, forbidden.get(i));
        }
        store(clients, "fine", "https://app.example/cb");

        try (RunningServer portcullis = RunningServer.start("STORAGE_TYPE", "mongo", "MONGO_URI", mongo.uri(),
                "MONGO_DATABASE", database, "USERS_BCRYPT_COST", "4")) {
            HttpResponse<String> control = portcullis.get(authorize("fine", "https://app.example/cb"));
            assertThat(control.statusCode()).as(control.body()).isEqualTo(200);
            assertThat(control.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).contains("form-action 'self' https://app.example"));

            for (int i = 0; i < forbidden.size(); i++) {
                String uri = forbidden.get(i);
                for (String target : List.of(authorize("legacy-" + i, uri),
                        authorize("legacy-" + i, uri).replace("response_type=code", "response_type=token"),
                        authorize("legacy-" + i, uri).replaceFirst("&redirect_uri=[^&]*", ""))) {
                    HttpResponse<String> answer = portcullis.get(target);
                    assertThat(answer.statusCode()).as(uri + " " + target).isEqualTo(400);
                    assertThat(answer.headers().firstValue("Location")).as(uri).isEmpty();
                    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
                    assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                            assertThat(csp).contains("form-action 'self'").doesNotContain("javascript").doesNotContain("data:")
                                    .doesNotContain("app.example").doesNotContain("myapp"));
                }
            }
        }
    }

    @Test
    void theDevProfilesSeededRedirectUrisPassTheDevRuleOnly() {
        assertThat(DevProfile.DEV_SPA_REDIRECT_URIS).allSatisfy(uri ->
                assertThat(dev.portcullis.domain.client.RedirectUriPolicy.DEV.refusal(uri)).as(uri.toString()).isEmpty());
        assertThat(DevProfile.DEV_SPA_REDIRECT_URIS).anySatisfy(uri ->
                assertThat(dev.portcullis.domain.client.RedirectUriPolicy.STRICT.refusal(uri)).isPresent());
    }
}
