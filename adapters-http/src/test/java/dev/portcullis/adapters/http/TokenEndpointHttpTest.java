package dev.portcullis.adapters.http;

import static dev.portcullis.adapters.http.support.ScriptedIssueToken.CLIENT_ID;
import static dev.portcullis.adapters.http.support.ScriptedIssueToken.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.adapters.http.support.Reply;
import dev.portcullis.adapters.http.support.ScriptedIssueToken;
import dev.portcullis.adapters.http.support.TestServer;
import dev.portcullis.application.port.in.TokenResult;
import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.grant.AuthorizationCodeGrant;
import dev.portcullis.domain.grant.ClientCredentialsGrant;
import dev.portcullis.domain.grant.PasswordGrant;
import dev.portcullis.domain.grant.RefreshTokenGrant;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.user.Username;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /token on the real server: status, headers and body of every answer. */
class TokenEndpointHttpTest {

    private static final String CC = "grant_type=client_credentials";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.issueToken.reset();
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static Reply token(String form, String... headers) {
        return server.postForm("/token", form, headers);
    }

    private static void assertNoStore(Reply reply) {
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(reply.header("Pragma")).contains("no-cache");
        assertThat(reply.header("X-Content-Type-Options")).contains("nosniff");
    }

    private static void assertOAuthError(Reply reply, int status, OAuthError error) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        assertThat(reply.error()).isEqualTo(error.code());
        assertThat(reply.json().path("error_description").asText()).isNotBlank();
        assertNoStore(reply);
    }

    // --- success

    @Test
    void issues_a_token_to_a_client_using_basic() {
        Reply reply = token(CC + "&scope=read+write", "Authorization", basic(CLIENT_ID, SECRET));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        assertNoStore(reply);
        JsonNode json = reply.json();
        assertThat(json.path("access_token").asText()).isEqualTo("aaa.bbb.ccc");
        assertThat(json.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(json.path("expires_in").isIntegralNumber()).isTrue();
        assertThat(json.path("expires_in").asLong()).isEqualTo(900);
        assertThat(json.path("scope").asText()).isEqualTo("read write");
        assertThat(json.has("refresh_token")).isFalse();
        assertThat(json.size()).isEqualTo(4);
    }

    @Test
    void hands_the_use_case_one_parsed_request() {
        token(CC + "&scope=write", "Authorization", basic(CLIENT_ID, SECRET));

        var request = server.issueToken.lastRequest();
        assertThat(request.credentials().method()).isEqualTo(AuthMethod.CLIENT_SECRET_BASIC);
        assertThat(request.credentials().clientId().value()).isEqualTo(CLIENT_ID);
        assertThat(request.grant()).isEqualTo(new ClientCredentialsGrant(ScopeSet.of("write")));
        assertThat(request.issuer().value()).isEqualTo("http://127.0.0.1:" + server.port());
    }

    @Test
    void issues_a_token_to_a_client_using_the_form() {
        Reply reply = token(CC + "&client_id=" + CLIENT_ID + "&client_secret=" + SECRET);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(server.issueToken.lastRequest().credentials().method()).isEqualTo(AuthMethod.CLIENT_SECRET_POST);
    }

    @Test
    void omits_an_empty_scope_and_includes_a_refresh_token_when_issued() {
        server.issueToken.answer(request -> new TokenResult.Issued(
                ((TokenResult.Issued) ScriptedIssueToken.issued(request, Optional.empty())).accessToken(),
                ScriptedIssueToken.LIFETIME, ScopeSet.empty(), Optional.of("rt-123")));

        Reply reply = token(CC, "Authorization", basic(CLIENT_ID, SECRET));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("scope")).isFalse();
        assertThat(reply.json().path("refresh_token").asText()).isEqualTo("rt-123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded; charset=UTF-8", "Application/X-WWW-Form-Urlencoded",
            "application/x-www-form-urlencoded;charset=\"utf-8\""})
    void accepts_the_form_type_with_no_charset_or_utf_8(String contentType) {
        Reply reply = server.send(server.request("/token", "Content-Type", contentType, "Authorization", basic(CLIENT_ID, SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(CC)));

        assertThat(reply.status()).isEqualTo(200);
    }

    // --- parse failures

    @Test
    void missing_grant_type_is_invalid_request() {
        assertOAuthError(token("scope=read", "Authorization", basic(CLIENT_ID, SECRET)), 400, OAuthError.INVALID_REQUEST);
        assertThat(server.issueToken.requests()).isEmpty();
    }

    @Test
    void a_repeated_parameter_is_invalid_request() {
        assertOAuthError(token(CC + "&scope=read&scope=write", "Authorization", basic(CLIENT_ID, SECRET)),
                400, OAuthError.INVALID_REQUEST);
    }

    @Test
    void two_authentication_methods_are_invalid_request() {
        Reply reply = token(CC + "&client_id=" + CLIENT_ID + "&client_secret=" + SECRET,
                "Authorization", basic(CLIENT_ID, SECRET));

        assertOAuthError(reply, 400, OAuthError.INVALID_REQUEST);
        assertThat(reply.header("WWW-Authenticate")).isEmpty();
    }

    @Test
    void malformed_basic_is_invalid_request() {
        assertOAuthError(token(CC, "Authorization", "Basic not*base64"), 400, OAuthError.INVALID_REQUEST);
        assertOAuthError(token(CC, "Authorization", "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes())),
                400, OAuthError.INVALID_REQUEST);
    }

    @Test
    void a_malformed_form_body_is_invalid_request() {
        assertOAuthError(token(CC + "&scope=%ZZ", "Authorization", basic(CLIENT_ID, SECRET)), 400, OAuthError.INVALID_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/plain", "application/x-www-form-urlencoded; charset=ISO-8859-1",
            "multipart/form-data; boundary=x", "application/x-www-form-urlencodedx"})
    void another_content_type_is_invalid_request(String contentType) {
        Reply reply = server.send(server.request("/token", "Content-Type", contentType, "Authorization", basic(CLIENT_ID, SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(CC)));

        assertOAuthError(reply, 400, OAuthError.INVALID_REQUEST);
    }

    @Test
    void no_content_type_is_invalid_request() {
        Reply reply = server.send(server.request("/token", "Authorization", basic(CLIENT_ID, SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(CC)));

        assertOAuthError(reply, 400, OAuthError.INVALID_REQUEST);
    }

    @Test
    void an_unknown_grant_type_is_unsupported_grant_type() {
        assertOAuthError(token("grant_type=magic", "Authorization", basic(CLIENT_ID, SECRET)), 400, OAuthError.UNSUPPORTED_GRANT_TYPE);
        assertOAuthError(token("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=d",
                "Authorization", basic(CLIENT_ID, SECRET)), 400, OAuthError.UNSUPPORTED_GRANT_TYPE);
        assertThat(server.issueToken.requests()).isEmpty();
    }

    @Test
    void a_malformed_scope_is_invalid_scope() {
        assertOAuthError(token(CC + "&scope=read++write", "Authorization", basic(CLIENT_ID, SECRET)), 400, OAuthError.INVALID_SCOPE);
    }

    // --- client authentication

    @Test
    void wrong_basic_credentials_are_invalid_client_401_with_a_basic_challenge() {
        Reply reply = token(CC, "Authorization", basic(CLIENT_ID, "wrong"));

        assertOAuthError(reply, 401, OAuthError.INVALID_CLIENT);
        assertThat(reply.header("WWW-Authenticate")).contains("Basic realm=\"portcullis\"");
    }

    @Test
    void wrong_form_credentials_are_invalid_client_401_without_a_challenge() {
        Reply reply = token(CC + "&client_id=" + CLIENT_ID + "&client_secret=wrong");

        assertOAuthError(reply, 401, OAuthError.INVALID_CLIENT);
        assertThat(reply.header("WWW-Authenticate")).isEmpty();
    }

    @Test
    void no_credentials_at_all_are_invalid_client_401_with_a_basic_challenge() {
        Reply reply = token(CC);

        assertOAuthError(reply, 401, OAuthError.INVALID_CLIENT);
        assertThat(reply.header("WWW-Authenticate")).contains("Basic realm=\"portcullis\"");
        assertThat(server.issueToken.requests()).isEmpty();
    }

    @Test
    void a_bearer_header_on_the_token_endpoint_is_invalid_client_with_a_basic_challenge() {
        Reply reply = token(CC, "Authorization", "Bearer aaa.bbb.ccc");

        assertOAuthError(reply, 401, OAuthError.INVALID_CLIENT);
        assertThat(reply.header("WWW-Authenticate")).contains("Basic realm=\"portcullis\"");
    }

    @Test
    void the_error_description_is_generic_and_never_the_logged_reason() {
        Reply reply = token(CC, "Authorization", basic(CLIENT_ID, "wrong"));

        assertThat(reply.json().path("error_description").asText())
                .isEqualTo("client authentication failed")
                .doesNotContain("secret");
        assertThat(reply.body()).doesNotContain("unknown client or wrong secret").doesNotContain("wrong\"");
    }

    // --- rejections by the use case

    @Test
    void unauthorized_client_from_the_use_case_is_400() {
        server.issueToken.answer(r -> new TokenResult.Rejected(OAuthError.UNAUTHORIZED_CLIENT, "grant not allowed"));

        assertOAuthError(token(CC, "Authorization", basic(CLIENT_ID, SECRET)), 400, OAuthError.UNAUTHORIZED_CLIENT);
    }

    @Test
    void invalid_scope_from_the_use_case_is_400() {
        server.issueToken.answer(r -> new TokenResult.Rejected(OAuthError.INVALID_SCOPE, "beyond allowed"));

        Reply reply = token(CC + "&scope=admin", "Authorization", basic(CLIENT_ID, SECRET));

        assertOAuthError(reply, 400, OAuthError.INVALID_SCOPE);
        assertThat(reply.header("WWW-Authenticate")).isEmpty();
    }

    @Test
    void invalid_grant_from_the_use_case_is_400() {
        server.issueToken.answer(r -> new TokenResult.Rejected(OAuthError.INVALID_GRANT, "code replayed"));

        Reply reply = token("grant_type=refresh_token&refresh_token=rt", "Authorization", basic(CLIENT_ID, SECRET));

        assertOAuthError(reply, 400, OAuthError.INVALID_GRANT);
        assertThat(reply.body()).doesNotContain("replayed");
    }

    // --- the user and browser grants

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    @Test
    void a_public_client_exchanges_a_code_with_its_client_id_alone() {
        server.issueToken.answer(request -> ScriptedIssueToken.issued(request, Optional.of("rt-1")));

        Reply reply = token("grant_type=authorization_code&client_id=spa&code=abc"
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A9999%2Fcallback&code_verifier=" + VERIFIER);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertNoStore(reply);
        assertThat(reply.json().path("refresh_token").asText()).isEqualTo("rt-1");
        var request = server.issueToken.lastRequest();
        assertThat(request.credentials()).isEqualTo(PresentedCredentials.publicClient(new ClientId("spa")));
        assertThat(request.grant()).isEqualTo(new AuthorizationCodeGrant("abc",
                Optional.of(URI.create("http://127.0.0.1:9999/callback")), VERIFIER));
    }

    @Test
    void a_public_client_refused_by_the_use_case_is_401_without_a_basic_challenge() {
        server.issueToken.answer(r -> new TokenResult.Rejected(OAuthError.INVALID_CLIENT, "unknown client"));

        Reply reply = token("grant_type=authorization_code&client_id=ghost&code=abc&code_verifier=" + VERIFIER);

        assertOAuthError(reply, 401, OAuthError.INVALID_CLIENT);
        assertThat(reply.header("WWW-Authenticate")).isEmpty();
    }

    @Test
    void a_code_exchange_without_its_verifier_never_reaches_the_use_case() {
        Reply reply = token("grant_type=authorization_code&client_id=spa&code=abc");

        assertOAuthError(reply, 400, OAuthError.INVALID_REQUEST);
        assertThat(server.issueToken.requests()).isEmpty();
    }

    @Test
    void the_password_grant_reaches_the_use_case_with_the_users_credentials() {
        token("grant_type=password&username=admin&password=secret&scope=read", "Authorization", basic(CLIENT_ID, SECRET));

        assertThat(server.issueToken.lastRequest().grant())
                .isEqualTo(new PasswordGrant(new Username("admin"), "secret", ScopeSet.of("read")));
    }

    @Test
    void the_use_case_learns_the_source_address_for_the_users_lockout() {
        token("grant_type=password&username=admin&password=secret", "Authorization", basic(CLIENT_ID, SECRET));

        assertThat(server.issueToken.lastRequest().source()).isEqualTo("127.0.0.1");
    }

    @Test
    void a_locked_out_user_is_429_temporarily_unavailable_with_retry_after_in_whole_seconds() {
        server.issueToken.answer(r -> new TokenResult.Throttled(java.time.Duration.ofMillis(29_001)));

        Reply reply = token("grant_type=password&username=admin&password=secret", "Authorization", basic(CLIENT_ID, SECRET));

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.error()).isEqualTo("temporarily_unavailable");
        assertThat(reply.header("Retry-After")).contains("30");
        assertNoStore(reply);
    }

    @Test
    void a_password_grant_without_a_password_is_invalid_request() {
        assertOAuthError(token("grant_type=password&username=admin", "Authorization", basic(CLIENT_ID, SECRET)),
                400, OAuthError.INVALID_REQUEST);
        assertThat(server.issueToken.requests()).isEmpty();
    }

    @Test
    void a_refresh_answers_the_rotated_refresh_token() {
        server.issueToken.answer(request -> ScriptedIssueToken.issued(request, Optional.of("rt-2")));

        Reply reply = token("grant_type=refresh_token&refresh_token=rt-1&scope=read", "Authorization", basic(CLIENT_ID, SECRET));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("refresh_token").asText()).isEqualTo("rt-2");
        assertThat(reply.json().path("scope").asText()).isEqualTo("read");
        assertThat(server.issueToken.lastRequest().grant()).isEqualTo(new RefreshTokenGrant("rt-1", ScopeSet.of("read")));
    }

    @Test
    void a_refresh_without_the_token_is_invalid_request() {
        assertOAuthError(token("grant_type=refresh_token", "Authorization", basic(CLIENT_ID, SECRET)), 400, OAuthError.INVALID_REQUEST);
    }

    // --- size limits

    @Test
    void a_body_declared_larger_than_16_KiB_is_413() {
        String body = CC + "&pad=" + "x".repeat(17 * 1024);

        Reply reply = token(body, "Authorization", basic(CLIENT_ID, SECRET));

        assertOAuthError(reply, 413, OAuthError.INVALID_REQUEST);
        assertThat(server.issueToken.requests()).isEmpty();
    }

    @Test
    void a_declared_length_over_16_KiB_is_refused_before_the_body_is_read() {
        // no body follows the headers: only a check of Content-Length itself can answer 413
        String raw = server.raw("POST /token HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + (16 * 1024 + 1) + "\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 413");
        assertThat(raw).containsIgnoringCase("Cache-Control: no-store");
        assertThat(raw).contains("\"error\":\"invalid_request\"");
    }

    @Test
    void a_chunked_body_larger_than_16_KiB_is_413() {
        byte[] body = (CC + "&pad=" + "x".repeat(17 * 1024)).getBytes(StandardCharsets.US_ASCII);

        Reply reply = server.send(server.request("/token",
                        "Content-Type", "application/x-www-form-urlencoded", "Authorization", basic(CLIENT_ID, SECRET))
                .POST(chunked(body)));

        assertOAuthError(reply, 413, OAuthError.INVALID_REQUEST);
        assertThat(server.issueToken.requests()).isEmpty();
    }

    @Test
    void a_chunked_body_within_the_limit_is_read() {
        Reply reply = server.send(server.request("/token",
                        "Content-Type", "application/x-www-form-urlencoded", "Authorization", basic(CLIENT_ID, SECRET))
                .POST(chunked(CC.getBytes(StandardCharsets.US_ASCII))));

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void a_body_of_exactly_16_KiB_is_accepted() {
        String prefix = CC + "&pad=";
        String body = prefix + "x".repeat(16 * 1024 - prefix.length());

        assertThat(body).hasSize(16 * 1024);
        assertThat(token(body, "Authorization", basic(CLIENT_ID, SECRET)).status()).isEqualTo(200);
    }

    @Test
    void a_body_declared_over_the_server_wide_limit_is_refused_by_helidon_in_the_same_json_shape() {
        String raw = server.raw("POST /token HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + (HttpAdapter.MAX_PAYLOAD_BYTES + 1) + "\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 413");
        assertThat(raw).containsIgnoringCase("X-Content-Type-Options: nosniff");
        assertThat(raw).containsIgnoringCase("Content-Type: application/json");
        assertThat(raw).contains("\"error\":\"invalid_request\"");
    }

    // --- methods and failures

    @Test
    void get_on_the_token_endpoint_is_405_allowing_post() {
        Reply reply = server.get("/token");

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).contains("POST");
        assertThat(reply.error()).isEqualTo("method_not_allowed");
        assertNoStore(reply);
    }

    @Test
    void a_backend_outage_is_503_temporarily_unavailable_with_retry_after() {
        server.issueToken.answer(r -> {
            throw new BackendUnavailableException("client store", new java.io.IOException("connection refused"));
        });

        Reply reply = token(CC, "Authorization", basic(CLIENT_ID, SECRET));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.error()).isEqualTo("temporarily_unavailable");
        assertThat(reply.header("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
        assertNoStore(reply);
        assertThat(reply.body()).doesNotContain("client store").doesNotContain("connection refused");
    }

    @Test
    void an_unexpected_exception_is_500_server_error_without_its_message_or_stack() {
        server.issueToken.answer(r -> {
            throw new IllegalStateException("internal detail: db password is hunter2");
        });

        Reply reply = token(CC, "Authorization", basic(CLIENT_ID, SECRET));

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.error()).isEqualTo("server_error");
        assertNoStore(reply);
        assertThat(reply.body())
                .doesNotContain("hunter2")
                .doesNotContain("IllegalStateException")
                .doesNotContain("at dev.portcullis")
                .doesNotContain("internal detail");
    }

    /** A body publisher without a length, so the client sends it chunked. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        Iterator<ByteBuffer> chunks = IntStream.iterate(0, i -> i < body.length, i -> i + 1024)
                .mapToObj(i -> ByteBuffer.wrap(body, i, Math.min(1024, body.length - i)))
                .iterator();
        Flow.Publisher<ByteBuffer> publisher = subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            private boolean done;

            @Override
            public synchronized void request(long n) {
                for (long i = 0; i < n && !done; i++) {
                    if (chunks.hasNext()) {
                        subscriber.onNext(chunks.next());
                    } else {
                        done = true;
                        subscriber.onComplete();
                    }
                }
            }

            @Override
            public void cancel() {
                done = true;
            }
        });
        return HttpRequest.BodyPublishers.fromPublisher(publisher);
    }
}
