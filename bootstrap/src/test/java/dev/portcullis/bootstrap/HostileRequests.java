package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.HostileRequestCatalogueTest.c;
import static dev.portcullis.bootstrap.HostileRequestCatalogueTest.get;
import static dev.portcullis.bootstrap.HostileRequestCatalogueTest.post;
import static dev.portcullis.bootstrap.HostileRequestCatalogueTest.raw;
import static dev.portcullis.bootstrap.HostileRequestCatalogueTest.req;

import dev.portcullis.bootstrap.HostileRequestCatalogueTest.Case;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The table of {@link HostileRequestCatalogueTest}: request → exact status and error code. */
final class HostileRequests {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";
    private static final String MYAPP = "Basic bXlhcHA6c2VjcmV0"; // myapp:secret
    private static final String CC = "grant_type=client_credentials";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final String REDIRECT = "http%3A%2F%2F127.0.0.1%3A9999%2Fcallback";
    private static final String REST = "&response_type=code&code_challenge=" + CHALLENGE + "&code_challenge_method=S256&state=s1";

    private HostileRequests() {
    }

    private static String basic(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** /authorize with the dev SPA client and this redirect_uri (already percent-encoded), else valid. */
    private static String authorize(String redirectUri) {
        return "/authorize?client_id=spa&redirect_uri=" + redirectUri + REST;
    }

    /** /authorize with the valid request's parameters plus/instead of {@code query}. */
    private static String authorizeWith(String query) {
        return "/authorize?client_id=spa&redirect_uri=" + REDIRECT + "&" + query;
    }

    static List<Case> all() {
        List<Case> all = new ArrayList<>();
        token(all);
        clientAuthentication(all);
        encoding(all);
        authorize(all);
        authorizePost(all);
        revokeAndIntrospect(all);
        bearer(all);
        readOnlyEndpoints(all);
        protocol(all);
        registrationAndAdminInput(all);
        exposure(all);
        firstHour(all);
        connections(all);
        return all;
    }

    /** What a new user following the docs meets first: the admin paths without a token or with the wrong method. */
    private static void firstHour(List<Case> all) {
        all.add(c("first hour: admin API without a token", 401, "unauthorized", get("/admin/clients")));
        all.add(c("first hour: admin API with a Basic header", 401, "unauthorized", get("/admin/keys").h("Authorization", MYAPP)));
        all.add(c("first hour: GET /admin/users (there is no user list)", 405, "method_not_allowed", get("/admin/users")));
        all.add(c("first hour: GET /admin/keys/rotate", 405, "method_not_allowed", get("/admin/keys/rotate")));
        all.add(c("first hour: the admin scope asked of the dev client", 400, "invalid_scope",
                post("/token").form(CC + "&scope=admin%20read").h("Authorization", MYAPP)));
        all.add(c("first hour: grant_type misspelt", 400, "unsupported_grant_type",
                post("/token").form("grant_type=client-credentials").h("Authorization", MYAPP)));
    }

    private static void token(List<Case> all) {
        all.add(c("token: the control, a valid client_credentials request", 200, "-", post("/token").form(CC).h("Authorization", MYAPP)));
        all.add(c("token: empty body", 400, "invalid_request", post("/token").form("")));
        all.add(c("token: no body, no Content-Type", 400, "invalid_request", post("/token")));
        all.add(c("token: missing grant_type", 400, "invalid_request", post("/token").form("client_id=myapp&client_secret=secret")));
        all.add(c("token: unknown grant_type", 400, "unsupported_grant_type", post("/token").form("grant_type=magic").h("Authorization", MYAPP)));
        all.add(c("token: implicit is not a grant", 400, "unsupported_grant_type", post("/token").form("grant_type=implicit").h("Authorization", MYAPP)));
        all.add(c("token: grant_type repeated", 400, "invalid_request", post("/token").form(CC + "&" + CC).h("Authorization", MYAPP)));
        all.add(c("token: grant_type repeated with different values", 400, "invalid_request",
                post("/token").form(CC + "&grant_type=password").h("Authorization", MYAPP)));
        all.add(c("token: grant_type without value", 400, "invalid_request", post("/token").form("grant_type=").h("Authorization", MYAPP)));
        all.add(c("token: grant_type upper case", 400, "unsupported_grant_type", post("/token").form("grant_type=CLIENT_CREDENTIALS").h("Authorization", MYAPP)));
        all.add(c("token: grant_type with CRLF", 400, "unsupported_grant_type", post("/token").form("grant_type=client_credentials%0D%0Ainjected:1").h("Authorization", MYAPP)));
        all.add(c("token: grant_type with NUL", 400, "unsupported_grant_type", post("/token").form("grant_type=client_credentials%00").h("Authorization", MYAPP)));
        all.add(c("token: scope repeated", 400, "invalid_request", post("/token").form(CC + "&scope=read&scope=write").h("Authorization", MYAPP)));
        all.add(c("token: scope not allowed", 400, "invalid_scope", post("/token").form(CC + "&scope=admin").h("Authorization", MYAPP)));
        all.add(c("token: scope with a double quote", 400, "invalid_scope", post("/token").form(CC + "&scope=%22read%22").h("Authorization", MYAPP)));
        all.add(c("token: scope with a backslash", 400, "invalid_scope", post("/token").form(CC + "&scope=read%5C").h("Authorization", MYAPP)));
        all.add(c("token: scope with a control character", 400, "invalid_scope", post("/token").form(CC + "&scope=re%01ad").h("Authorization", MYAPP)));
        all.add(c("token: scope with unicode", 400, "invalid_scope", post("/token").form(CC + "&scope=r%C3%A9ad").h("Authorization", MYAPP)));
        all.add(c("token: scope of tabs", 400, "invalid_scope", post("/token").form(CC + "&scope=read%09write").h("Authorization", MYAPP)));
        all.add(c("token: 10 000 scopes", 400, "invalid_scope", post("/token").form(CC + "&scope=" + "s+".repeat(5000)).h("Authorization", MYAPP)));
        all.add(c("token: password grant without username", 400, "invalid_request", post("/token").form("grant_type=password&password=secret").h("Authorization", MYAPP)));
        all.add(c("token: password grant without password", 400, "invalid_request", post("/token").form("grant_type=password&username=admin").h("Authorization", MYAPP)));
        all.add(c("token: password grant, wrong password", 400, "invalid_grant", post("/token").form("grant_type=password&username=admin&password=nope").h("Authorization", MYAPP)));
        all.add(c("token: password grant, username repeated", 400, "invalid_request", post("/token").form("grant_type=password&username=admin&username=root&password=secret").h("Authorization", MYAPP)));
        all.add(c("token: password grant, username with NUL", 400, "invalid_request", post("/token").form("grant_type=password&username=admin%00&password=secret").h("Authorization", MYAPP)));
        all.add(c("token: password grant, username of 100 000 characters", 413, "invalid_request", post("/token").form("grant_type=password&password=secret&username=" + "a".repeat(100_000)).h("Authorization", MYAPP)));
        all.add(c("token: refresh_token missing", 400, "invalid_request", post("/token").form("grant_type=refresh_token").h("Authorization", MYAPP)));
        all.add(c("token: refresh_token unknown", 400, "invalid_grant", post("/token").form("grant_type=refresh_token&refresh_token=forged").h("Authorization", MYAPP)));
        all.add(c("token: refresh_token repeated", 400, "invalid_request", post("/token").form("grant_type=refresh_token&refresh_token=a&refresh_token=b").h("Authorization", MYAPP)));
        all.add(c("token: authorization_code without code", 400, "invalid_request", post("/token").form("grant_type=authorization_code&client_id=spa&redirect_uri=" + REDIRECT + "&code_verifier=" + CHALLENGE)));
        all.add(c("token: authorization_code unknown code", 400, "invalid_grant", post("/token").form("grant_type=authorization_code&client_id=spa&code=forged&redirect_uri=" + REDIRECT + "&code_verifier=" + CHALLENGE)));
        all.add(c("token: authorization_code without verifier", 400, "invalid_request", post("/token").form("grant_type=authorization_code&client_id=spa&code=forged&redirect_uri=" + REDIRECT)));
        all.add(c("token: authorization_code, verifier too short", 400, "invalid_grant", post("/token").form("grant_type=authorization_code&client_id=spa&code=forged&redirect_uri=" + REDIRECT + "&code_verifier=short")));
        all.add(c("token: authorization_code, code repeated", 400, "invalid_request", post("/token").form("grant_type=authorization_code&client_id=spa&code=a&code=b&redirect_uri=" + REDIRECT + "&code_verifier=" + CHALLENGE)));
        all.add(c("token: Content-Type text/plain", 400, "invalid_request", post("/token").h("Content-Type", "text/plain").body(CC).h("Authorization", MYAPP)));
        all.add(c("token: Content-Type application/json", 400, "invalid_request", post("/token").h("Content-Type", "application/json").body("{\"grant_type\":\"client_credentials\"}").h("Authorization", MYAPP)));
        all.add(c("token: Content-Type multipart/form-data", 400, "invalid_request", post("/token").h("Content-Type", "multipart/form-data; boundary=x").body("--x\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\nclient_credentials\r\n--x--\r\n").h("Authorization", MYAPP)));
        all.add(c("token: charset ISO-8859-1", 400, "invalid_request", post("/token").h("Content-Type", FORM + "; charset=ISO-8859-1").body(CC).h("Authorization", MYAPP)));
        all.add(c("token: charset UTF-16", 400, "invalid_request", post("/token").h("Content-Type", FORM + "; charset=utf-16").body(CC).h("Authorization", MYAPP)));
        all.add(c("token: charset quoted UTF-8 is fine", 200, "-", post("/token").h("Content-Type", FORM + "; charset=\"UTF-8\"").body(CC).h("Authorization", MYAPP)));
        all.add(c("token: Content-Type parameter without =", 400, "invalid_request", post("/token").h("Content-Type", FORM + "; utf-8").body(CC).h("Authorization", MYAPP)));
        all.add(c("token: Content-Type repeated", 400, "invalid_request", post("/token").h("Content-Type", "text/plain").h("Content-Type", FORM).body(CC).h("Authorization", MYAPP)));
        all.add(c("token: credentials in the query string only", 401, "invalid_client", post("/token?client_id=myapp&client_secret=secret").form(CC)));
        all.add(c("token: Content-Length beyond the endpoint's limit", 413, "invalid_request", post("/token").form(CC + "&pad=" + "x".repeat(20_000)).h("Authorization", MYAPP)));
        all.add(c("token: body beyond the server's limit", 413, "invalid_request", post("/token").form(CC + "&pad=" + "x".repeat(70_000)).h("Authorization", MYAPP)));
        all.add(c("token: chunked body beyond the endpoint's limit", 413, "invalid_request", post("/token").h("Content-Type", FORM).h("Transfer-Encoding", "chunked").h("Authorization", MYAPP)
                .body(Integer.toHexString(20_000) + "\r\n" + "x".repeat(20_000) + "\r\n0\r\n\r\n")));
        all.add(c("token: a valid chunked body", 200, "-", post("/token").h("Content-Type", FORM).h("Transfer-Encoding", "chunked").h("Authorization", MYAPP)
                .body(Integer.toHexString(CC.length()) + "\r\n" + CC + "\r\n0\r\n\r\n")));
        all.add(c("token: 1000 distinct parameters", 200, "-", post("/token").form(CC + pad(1000)).h("Authorization", MYAPP)));
        all.add(c("token: a parameter name without value and a lone =", 200, "-", post("/token").form(CC + "&flag&=x&&").h("Authorization", MYAPP)));
        for (String method : new String[] {"GET", "PUT", "DELETE", "PATCH"}) {
            all.add(c("token: method " + method, 405, "method_not_allowed", req(method, "/token").h("Authorization", MYAPP)));
        }
        all.add(c("token: method TRACE", 405, "method_not_allowed", req("TRACE", "/token")));
        all.add(c("token: method OPTIONS", 405, "method_not_allowed", req("OPTIONS", "/token")));
        all.add(c("token: method HEAD", 405, "-", req("HEAD", "/token")));
        all.add(c("token: GET with credentials in the query", 405, "method_not_allowed", get("/token?" + CC + "&client_id=myapp&client_secret=secret")));
        all.add(c("token: X-HTTP-Method-Override does not turn GET into POST", 405, "method_not_allowed", get("/token").h("X-HTTP-Method-Override", "POST")));
        all.add(c("token: trailing slash", 404, "not_found", post("/token/").form(CC).h("Authorization", MYAPP)));
        all.add(c("token: upper-case path", 404, "not_found", post("/TOKEN").form(CC).h("Authorization", MYAPP)));
    }

    private static String pad(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append("&p").append(i).append('=').append(i);
        }
        return out.toString();
    }

    private static void clientAuthentication(List<Case> all) {
        all.add(c("basic: unknown client", 401, "invalid_client", post("/token").form(CC).h("Authorization", basic("nobody:secret"))));
        all.add(c("basic: wrong secret", 401, "invalid_client", post("/token").form(CC).h("Authorization", basic("myapp:wrong"))));
        all.add(c("basic: empty secret", 401, "invalid_client", post("/token").form(CC).h("Authorization", basic("myapp:"))));
        all.add(c("basic: empty client id", 400, "invalid_request", post("/token").form(CC).h("Authorization", basic(":secret"))));
        all.add(c("basic: no colon", 400, "invalid_request", post("/token").form(CC).h("Authorization", basic("myappsecret"))));
        all.add(c("basic: not base64", 400, "invalid_request", post("/token").form(CC).h("Authorization", "Basic !!!not-base64!!!")));
        all.add(c("basic: base64 with bad padding", 400, "invalid_request", post("/token").form(CC).h("Authorization", "Basic bXlhcHA6c2VjcmV0=")));
        all.add(c("basic: base64url alphabet", 400, "invalid_request", post("/token").form(CC).h("Authorization", "Basic " + Base64.getUrlEncoder().encodeToString("my?app>:secr?t>".getBytes()))));
        all.add(c("basic: empty payload", 400, "invalid_request", post("/token").form(CC).h("Authorization", "Basic ")));
        all.add(c("basic: scheme only", 400, "invalid_request", post("/token").form(CC).h("Authorization", "Basic")));
        all.add(c("basic: two payloads", 400, "invalid_request", post("/token").form(CC).h("Authorization", MYAPP + " " + MYAPP.substring(6))));
        all.add(c("basic: lower-case scheme is fine", 200, "-", post("/token").form(CC).h("Authorization", "basic bXlhcHA6c2VjcmV0")));
        all.add(c("basic: bad %-escape in the id", 400, "invalid_request", post("/token").form(CC).h("Authorization", basic("my%zzapp:secret"))));
        all.add(c("basic: invalid UTF-8 in the id", 400, "invalid_request", post("/token").form(CC).h("Authorization", basic("my%C3%28app:secret"))));
        all.add(c("basic: raw non-UTF-8 bytes in the id", 400, "invalid_request", post("/token").form(CC).h("Authorization", basic("my\u00ffapp:secret"))));
        all.add(c("basic: control character in the id", 400, "invalid_request", post("/token").form(CC).h("Authorization", basic("my%01app:secret"))));
        all.add(c("basic: NUL in the id", 400, "invalid_request", post("/token").form(CC).h("Authorization", basic("myapp%00:secret"))));
        all.add(c("basic: unicode id", 400, "invalid_request", post("/token").form(CC).h("Authorization", basic("my%C3%A4pp:secret"))));
        all.add(c("basic: id of 300 characters", 400, "invalid_request", post("/token").form(CC).h("Authorization", basic("a".repeat(300) + ":secret"))));
        all.add(c("basic: id of 255 characters, unknown", 401, "invalid_client", post("/token").form(CC).h("Authorization", basic("a".repeat(255) + ":secret"))));
        all.add(c("basic: Authorization header twice", 400, "invalid_request", post("/token").form(CC).h("Authorization", MYAPP).h("Authorization", MYAPP)));
        all.add(c("basic: and client_secret in the form", 400, "invalid_request", post("/token").form(CC + "&client_secret=secret").h("Authorization", MYAPP)));
        all.add(c("basic: and another client_id in the form", 400, "invalid_request", post("/token").form(CC + "&client_id=spa").h("Authorization", MYAPP)));
        all.add(c("basic: and the same client_id in the form is fine", 200, "-", post("/token").form(CC + "&client_id=myapp").h("Authorization", MYAPP)));
        all.add(c("post: client_secret without client_id", 400, "invalid_request", post("/token").form(CC + "&client_secret=secret")));
        all.add(c("post: client_id repeated", 400, "invalid_request", post("/token").form(CC + "&client_id=myapp&client_id=myapp&client_secret=secret")));
        all.add(c("post: client_secret repeated", 400, "invalid_request", post("/token").form(CC + "&client_id=myapp&client_secret=secret&client_secret=secret")));
        all.add(c("post: wrong secret", 401, "invalid_client", post("/token").form(CC + "&client_id=myapp&client_secret=wrong")));
        all.add(c("post: client_id with CRLF", 400, "invalid_request", post("/token").form(CC + "&client_id=myapp%0D%0Ainjected:1&client_secret=secret")));
        all.add(c("post: client_id with unicode", 400, "invalid_request", post("/token").form(CC + "&client_id=%E2%80%AEppaym&client_secret=secret")));
        all.add(c("post: confidential client without secret", 401, "invalid_client", post("/token").form(CC + "&client_id=myapp")));
        all.add(c("post: public client on client_credentials", 400, "unauthorized_client", post("/token").form(CC + "&client_id=spa")));
        all.add(c("nothing: no credentials at all", 401, "invalid_client", post("/token").form(CC)));
        all.add(c("scheme: Bearer instead of Basic", 401, "invalid_client", post("/token").form(CC).h("Authorization", "Bearer {TOKEN}")));
        all.add(c("scheme: Digest", 401, "invalid_client", post("/token").form(CC).h("Authorization", "Digest username=\"myapp\"")));
        all.add(c("scheme: empty Authorization", 400, "invalid_request", post("/token").form(CC).h("Authorization", "")));
    }

    private static void encoding(List<Case> all) {
        String[][] bad = {
                {"bad %-escape", "%zz"}, {"truncated %-escape", "%4"}, {"lone %", "%"}, {"invalid UTF-8", "%C3%28"},
                {"overlong UTF-8", "%C0%AF"}, {"UTF-16 surrogate", "%ED%A0%80"}, {"code point beyond U+10FFFF", "%F4%90%80%80"},
                {"truncated UTF-8 sequence", "%E2%82"}, {"raw byte 0xFF", "\u00ff"}, {"raw Latin-1 byte", "caf\u00e9"},
        };
        for (String[] b : bad) {
            all.add(c("form: " + b[0] + " in a value", 400, "invalid_request", post("/token").form(CC + "&scope=" + b[1]).h("Authorization", MYAPP)));
            all.add(c("form: " + b[0] + " in a name", 400, "invalid_request", post("/token").form(CC + "&" + b[1] + "=x").h("Authorization", MYAPP)));
        }
        all.add(c("form: raw NUL byte in a value", 400, "invalid_scope", post("/token").form(CC + "&scope=read\u0000").h("Authorization", MYAPP)));
        all.add(c("form: raw CRLF in a value", 400, "invalid_scope", post("/token").form(CC + "&scope=read\r\nwrite").h("Authorization", MYAPP)));
        all.add(c("form: a UTF-8 BOM before the body", 400, "invalid_request", post("/token").form("\u00ef\u00bb\u00bf" + CC).h("Authorization", MYAPP)));
        all.add(c("form: JSON in a form", 400, "invalid_request", post("/token").form("{\"grant_type\":\"client_credentials\"}").h("Authorization", MYAPP)));
    }

    private static void authorize(List<Case> all) {
        all.add(c("authorize: the control, a valid request shows the login page", 200, "page", get(authorize(REDIRECT))));
        all.add(c("authorize: no parameters", 400, "page", get("/authorize")));
        all.add(c("authorize: unknown client", 400, "page", get("/authorize?client_id=nobody&redirect_uri=" + REDIRECT + REST)));
        all.add(c("authorize: client_id repeated", 400, "page", get("/authorize?client_id=spa&client_id=spa&redirect_uri=" + REDIRECT + REST)));
        all.add(c("authorize: client_id with NUL", 400, "page", get("/authorize?client_id=spa%00&redirect_uri=" + REDIRECT + REST)));
        all.add(c("authorize: client_id with CRLF", 400, "page", get("/authorize?client_id=spa%0D%0Ainjected:1&redirect_uri=" + REDIRECT + REST)));
        all.add(c("authorize: client_id of 5000 characters", 414, "invalid_request", get("/authorize?client_id=" + "a".repeat(5000) + "&redirect_uri=" + REDIRECT + REST)));
        all.add(c("authorize: confidential client", 400, "page", get("/authorize?client_id=myapp&redirect_uri=" + REDIRECT + REST)));
        String[][] redirects = {
                {"another host", "https%3A%2F%2Fevil.example%2Fcallback"},
                {"a host that starts like a registered one", "http%3A%2F%2F127.0.0.1.evil.example%2Fcallback"},
                {"userinfo before another host", "http%3A%2F%2F127.0.0.1%40evil.example%2Fcallback"},
                {"userinfo on the registered host", "http%3A%2F%2Fevil%40127.0.0.1%3A9999%2Fcallback"},
                {"a backslash trick", "http%3A%2F%2F127.0.0.1%5C%40evil.example%2Fcallback"},
                {"a scheme-relative URI", "%2F%2Fevil.example%2Fcallback"},
                {"javascript:", "javascript%3Aalert(1)"},
                {"data:", "data%3Atext%2Fhtml%2C%3Cscript%3Ealert(1)%3C%2Fscript%3E"},
                {"another path", "http%3A%2F%2F127.0.0.1%3A9999%2Fother"},
                {"a path with dot segments", "http%3A%2F%2F127.0.0.1%3A9999%2Fcallback%2F..%2F..%2Fevil"},
                {"an encoded slash in the path", "http%3A%2F%2F127.0.0.1%3A9999%2Fcallback%252F..%252Fevil"},
                {"a longer path", "http%3A%2F%2F127.0.0.1%3A9999%2Fcallback%2Fmore"},
                {"a fragment", "http%3A%2F%2F127.0.0.1%3A9999%2Fcallback%23frag"},
                {"https instead of http", "https%3A%2F%2F127.0.0.1%3A9999%2Fcallback"},
                {"an upper-case path", "http%3A%2F%2F127.0.0.1%3A9999%2FCALLBACK"},
                {"a trailing dot on the host", "http%3A%2F%2Flocalhost.%3A9999%2Fcallback"},
                {"an IPv6 loopback", "http%3A%2F%2F%5B%3A%3A1%5D%3A9999%2Fcallback"},
                {"a decimal IP", "http%3A%2F%2F2130706433%3A9999%2Fcallback"},
                {"a CRLF in it", "http%3A%2F%2F127.0.0.1%3A9999%2Fcallback%0D%0Ainjected%3A1"},
                {"a tab in it", "http%3A%2F%2F127.0.0.1%3A9999%2Fcall%09back"},
                {"a relative URI", "%2Fcallback"},
                {"not a URI at all", "%3A%3A%3A"},
                {"an empty value", ""},
                {"a URI of 10 000 characters", "http%3A%2F%2F127.0.0.1%3A9999%2F" + "a".repeat(10_000)},
        };
        for (String[] r : redirects) {
            all.add(c("authorize: open redirect via " + r[0], r[1].length() > 5000 ? 414 : 400, r[1].length() > 5000 ? "invalid_request" : "page", get(authorize(r[1]))));
        }
        all.add(c("authorize: redirect_uri repeated", 400, "page", get("/authorize?client_id=spa&redirect_uri=" + REDIRECT + "&redirect_uri=https%3A%2F%2Fevil.example" + REST)));
        all.add(c("authorize: the registered URI with a query of its own is refused", 400, "page", get(authorize("http%3A%2F%2F127.0.0.1%3A9999%2Fcallback%3Fnext%3Dhttps%3A%2F%2Fevil.example"))));
        all.add(c("authorize: no response_type", 302, "invalid_request", get(authorizeWith("code_challenge=" + CHALLENGE + "&code_challenge_method=S256"))));
        all.add(c("authorize: response_type token", 302, "unsupported_response_type", get(authorizeWith("response_type=token&code_challenge=" + CHALLENGE + "&code_challenge_method=S256"))));
        all.add(c("authorize: response_type code id_token", 302, "unsupported_response_type", get(authorizeWith("response_type=code+id_token&code_challenge=" + CHALLENGE + "&code_challenge_method=S256"))));
        all.add(c("authorize: response_type repeated", 302, "invalid_request", get(authorizeWith("response_type=code&response_type=code&code_challenge=" + CHALLENGE + "&code_challenge_method=S256"))));
        all.add(c("authorize: no code_challenge", 302, "invalid_request", get(authorizeWith("response_type=code"))));
        all.add(c("authorize: code_challenge_method plain", 302, "invalid_request", get(authorizeWith("response_type=code&code_challenge=" + CHALLENGE + "&code_challenge_method=plain"))));
        all.add(c("authorize: code_challenge too short", 302, "invalid_request", get(authorizeWith("response_type=code&code_challenge=abc&code_challenge_method=S256"))));
        all.add(c("authorize: code_challenge with bad characters", 302, "invalid_request", get(authorizeWith("response_type=code&code_challenge=" + CHALLENGE.substring(1) + "%2B&code_challenge_method=S256"))));
        all.add(c("authorize: unknown scope", 302, "invalid_scope", get(authorizeWith("response_type=code&scope=admin&code_challenge=" + CHALLENGE + "&code_challenge_method=S256"))));
        all.add(c("authorize: scope with a control character", 302, "invalid_scope", get(authorizeWith("response_type=code&scope=re%01ad&code_challenge=" + CHALLENGE + "&code_challenge_method=S256"))));
        all.add(c("authorize: state with CRLF is refused", 302, "invalid_request", get(authorizeWith("response_type=code&state=a%0D%0Ainjected%3A1&code_challenge=" + CHALLENGE + "&code_challenge_method=S256"))));
        all.add(c("authorize: state with markup", 200, "page", get(authorizeWith("response_type=code&state=%3Cscript%3Ealert(1)%3C%2Fscript%3E&code_challenge=" + CHALLENGE + "&code_challenge_method=S256"))));
        all.add(c("authorize: state repeated", 302, "invalid_request", get(authorizeWith("response_type=code&state=a&state=b&code_challenge=" + CHALLENGE + "&code_challenge_method=S256"))));
        all.add(c("authorize: bad %-escape in the query", 400, "invalid_request", get("/authorize?client_id=spa%zz&redirect_uri=" + REDIRECT + REST)));
        all.add(c("authorize: invalid UTF-8 in the query", 400, "page", get("/authorize?client_id=sp%C3%28a&redirect_uri=" + REDIRECT + REST)));
        all.add(c("authorize: an unknown parameter (request object) is ignored, RFC 6749 §3.1", 200, "page", get(authorize(REDIRECT) + "&request=eyJhbGciOiJub25lIn0.e30.")));
        for (String method : new String[] {"PUT", "DELETE", "PATCH"}) {
            all.add(c("authorize: method " + method, 405, "method_not_allowed", req(method, authorize(REDIRECT))));
        }
    }

    private static void authorizePost(List<Case> all) {
        all.add(c("login: no session", 400, "page", post("/authorize").form("username=admin&password=secret&action=login")));
        all.add(c("login: forged session", 400, "page", post("/authorize").form("session=forged&username=admin&password=secret&action=login")));
        all.add(c("login: session repeated", 400, "page", post("/authorize").form("session=a&session=b&username=admin&password=secret&action=login")));
        all.add(c("login: JSON body", 400, "page", post("/authorize").h("Content-Type", "application/json").body("{\"username\":\"admin\"}")));
        all.add(c("login: bad %-escape", 400, "page", post("/authorize").form("session=%zz&username=admin")));
        all.add(c("login: body beyond the limit", 413, "page", post("/authorize").form("session=x&pad=" + "x".repeat(20_000))));
        all.add(c("login: empty body", 400, "page", post("/authorize").form("")));
    }

    private static void revokeAndIntrospect(List<Case> all) {
        for (String path : new String[] {"/revoke", "/introspect"}) {
            String n = path.substring(1) + ": ";
            all.add(c(n + "no client authentication", 401, "invalid_client", post(path).form("token=abc")));
            all.add(c(n + "wrong secret", 401, "invalid_client", post(path).form("token=abc").h("Authorization", basic("myapp:wrong"))));
            all.add(c(n + "no token", 400, "invalid_request", post(path).form("").h("Authorization", MYAPP)));
            all.add(c(n + "token repeated", 400, "invalid_request", post(path).form("token=a&token=b").h("Authorization", MYAPP)));
            all.add(c(n + "wrong content type", 400, "invalid_request", post(path).h("Content-Type", "application/json").body("{\"token\":\"a\"}").h("Authorization", MYAPP)));
            all.add(c(n + "bad %-escape", 400, "invalid_request", post(path).form("token=%zz").h("Authorization", MYAPP)));
            all.add(c(n + "bad Basic header", 400, "invalid_request", post(path).form("token=a").h("Authorization", "Basic ***")));
            all.add(c(n + "body beyond the limit", 413, "invalid_request", post(path).form("token=" + "x".repeat(20_000)).h("Authorization", MYAPP)));
            all.add(c(n + "method GET", 405, "method_not_allowed", get(path + "?token=a").h("Authorization", MYAPP)));
            all.add(c(n + "method PUT", 405, "method_not_allowed", req("PUT", path).form("token=a").h("Authorization", MYAPP)));
        }
        all.add(c("revoke: unknown token is fine", 200, "-", post("/revoke").form("token=unknown").h("Authorization", MYAPP)));
        all.add(c("revoke: unknown token_type_hint is ignored", 200, "-", post("/revoke").form("token=unknown&token_type_hint=magic").h("Authorization", MYAPP)));
        all.add(c("revoke: token with control characters", 200, "-", post("/revoke").form("token=%00%01%0D%0A").h("Authorization", MYAPP)));
        all.add(c("introspect: unknown token is inactive", 200, "inactive", post("/introspect").form("token=unknown").h("Authorization", MYAPP)));
        all.add(c("introspect: with a bearer token lacking the scope", 403, "insufficient_scope", post("/introspect").form("token=unknown").h("Authorization", "Bearer {TOKEN}")));
        all.add(c("introspect: with a forged bearer token", 401, "invalid_token", post("/introspect").form("token=unknown").h("Authorization", "Bearer forged.token.here")));
    }

    private static void bearer(List<Case> all) {
        all.add(c("whoami: the control, a valid token", 200, "-", get("/whoami").h("Authorization", "Bearer {TOKEN}")));
        all.add(c("whoami: no Authorization", 401, "unauthorized", get("/whoami")));
        all.add(c("whoami: Basic instead of Bearer", 401, "unauthorized", get("/whoami").h("Authorization", MYAPP)));
        all.add(c("whoami: Bearer without token", 400, "invalid_request", get("/whoami").h("Authorization", "Bearer")));
        all.add(c("whoami: Bearer and a space", 400, "invalid_request", get("/whoami").h("Authorization", "Bearer ")));
        all.add(c("whoami: two tokens", 400, "invalid_request", get("/whoami").h("Authorization", "Bearer {TOKEN} {TOKEN}")));
        all.add(c("whoami: token with illegal characters", 400, "invalid_request", get("/whoami").h("Authorization", "Bearer a,b;c")));
        all.add(c("whoami: two Authorization headers", 400, "invalid_request", get("/whoami").h("Authorization", "Bearer {TOKEN}").h("Authorization", "Bearer {TOKEN}")));
        all.add(c("whoami: lower-case scheme is fine", 200, "-", get("/whoami").h("Authorization", "bearer {TOKEN}")));
        all.add(c("whoami: garbage token", 401, "invalid_token", get("/whoami").h("Authorization", "Bearer garbage")));
        all.add(c("whoami: a token of 20 000 characters (beyond the header limit)", 400, "invalid_request", get("/whoami").h("Authorization", "Bearer " + "a".repeat(20_000))));
        all.add(c("whoami: token in the query only", 401, "unauthorized", get("/whoami?access_token={TOKEN}")));
        all.add(c("whoami: token in a form only", 405, "method_not_allowed", post("/whoami").form("access_token={TOKEN}")));
        all.add(c("admin: no token", 401, "unauthorized", post("/admin/keys/rotate")));
        all.add(c("admin: a token without the admin scope", 403, "insufficient_scope", post("/admin/keys/rotate").h("Authorization", "Bearer {TOKEN}")));
        all.add(c("admin: a forged token", 401, "invalid_token", post("/admin/keys/rotate").h("Authorization", "Bearer forged")));
        all.add(c("admin: client credentials instead of a token", 401, "unauthorized", post("/admin/keys/rotate").h("Authorization", MYAPP)));
        all.add(c("admin: method GET", 405, "method_not_allowed", get("/admin/keys/rotate").h("Authorization", "Bearer {TOKEN}")));
        all.add(c("admin: method DELETE", 405, "method_not_allowed", req("DELETE", "/admin/keys/rotate")));
    }

    private static void readOnlyEndpoints(List<Case> all) {
        all.add(c("jwks: the control", 200, "-", get("/jwks")));
        all.add(c("jwks: a bad %-escape in the query", 400, "invalid_request", get("/jwks?x=%zz%00")));
        all.add(c("jwks: method POST", 405, "method_not_allowed", post("/jwks").form("a=b")));
        all.add(c("jwks: method DELETE", 405, "method_not_allowed", req("DELETE", "/jwks")));
        all.add(c("discovery: the control", 200, "-", get("/.well-known/oauth-authorization-server")));
        all.add(c("discovery: method POST", 405, "method_not_allowed", post("/.well-known/oauth-authorization-server")));
        all.add(c("discovery: OpenID path is not served", 404, "not_found", get("/.well-known/openid-configuration")));
        all.add(c("health: live", 200, "-", get("/health/live")));
        all.add(c("health: ready", 200, "-", get("/health/ready")));
        all.add(c("health: live by POST", 405, "method_not_allowed", post("/health/live")));
        all.add(c("health: ready by DELETE", 405, "method_not_allowed", req("DELETE", "/health/ready")));
        all.add(c("health: no such probe", 404, "not_found", get("/health/dead")));
        all.add(c("unknown: root", 404, "not_found", get("/")));
        all.add(c("unknown: /admin", 404, "not_found", get("/admin")));
        all.add(c("unknown: /.env", 404, "not_found", get("/.env")));
        all.add(c("unknown: path traversal", 404, "not_found", get("/../../etc/passwd")));
        all.add(c("unknown: encoded path traversal", 404, "not_found", get("/%2e%2e/%2e%2e/etc/passwd")));
        all.add(c("unknown: /token with extra segments", 404, "not_found", post("/token/../token/x").form(CC)));
        all.add(c("unknown: a path of 4000 characters", 404, "not_found", get("/" + "a".repeat(4000))));
        all.add(c("unknown: CRLF in the path, encoded", 404, "not_found", get("/x%0D%0AInjected:%201")));
        all.add(c("jwks: a matrix parameter is ignored", 200, "-", get("/jwks;jsessionid=1")));
    }

    /** Who may learn what: the issuer a Host names, another client's token, the metrics. */
    private static void exposure(List<Case> all) {
        String devAdmin = basic("dev-admin:secret");
        String discovery = "/.well-known/oauth-authorization-server";
        all.add(c("exposure: introspecting one's own token", 200, "active", post("/introspect").form("token={TOKEN}").h("Authorization", MYAPP)));
        all.add(c("exposure: introspecting another client's token", 200, "inactive", post("/introspect").form("token={TOKEN}").h("Authorization", devAdmin)));
        all.add(c("exposure: introspecting another client's token with an access-token hint", 200, "inactive",
                post("/introspect").form("token={TOKEN}&token_type_hint=access_token").h("Authorization", devAdmin)));
        all.add(c("exposure: introspecting as a public client", 401, "invalid_client", post("/introspect").form("token={TOKEN}&client_id=spa")));
        all.add(c("exposure: introspecting as a public client with an empty secret", 401, "invalid_client",
                post("/introspect").form("token={TOKEN}&client_id=spa&client_secret=")));
        all.add(c("exposure: metrics, anonymous", 401, "unauthorized", get("/metrics")));
        all.add(c("exposure: metrics, a token without the metrics scope", 403, "insufficient_scope", get("/metrics").h("Authorization", "Bearer {TOKEN}")));
        all.add(c("exposure: metrics, a forged token", 401, "invalid_token", get("/metrics").h("Authorization", "Bearer forged.token.here")));
        all.add(c("exposure: metrics, client credentials instead of a token", 401, "unauthorized", get("/metrics").h("Authorization", MYAPP)));
        all.add(c("exposure: metrics, method POST", 405, "method_not_allowed", post("/metrics").form("a=b")));
        all.add(c("exposure: the API description stays public", 200, "-", get("/openapi")));
        all.add(c("exposure: a token from localhost at 127.0.0.1 (dev: one loopback issuer)", 200, "-",
                get("/whoami").noHost().h("Host", "127.0.0.1:{PORT}").h("Authorization", "Bearer {TOKEN}")));
        all.add(c("exposure: a token from localhost at [::1] (dev: one loopback issuer)", 200, "active",
                post("/introspect").noHost().h("Host", "[::1]:{PORT}").form("token={TOKEN}").h("Authorization", MYAPP)));
        all.add(c("exposure: a token from localhost at a forged Host", 401, "invalid_token",
                get("/whoami").noHost().h("Host", "evil.example").h("Authorization", "Bearer {TOKEN}")));
        all.add(c("exposure: introspecting at a forged Host", 200, "inactive",
                post("/introspect").noHost().h("Host", "evil.example:{PORT}").form("token={TOKEN}").h("Authorization", MYAPP)));
        all.add(c("exposure: discovery at a forged Host with userinfo", 400, "invalid_request",
                get(discovery).noHost().h("Host", "localhost:{PORT}@evil.example")));
    }

    private static void protocol(List<Case> all) {
        all.add(c("protocol: a request line of garbage", 400, "invalid_request", raw("GARBAGE\r\n\r\n")));
        all.add(c("protocol: HTTP/2.0 in an HTTP/1 request line", 400, "invalid_request", raw("GET /jwks HTTP/2.0\r\nHost: {HOST}\r\n\r\n")));
        all.add(c("protocol: an unknown HTTP version", 400, "invalid_request", raw("GET /jwks HTTP/9.9\r\nHost: {HOST}\r\n\r\n")));
        all.add(c("protocol: a lower-case method is read as the method", 200, "-", raw("get /jwks HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n")));
        all.add(c("protocol: an invented method", 405, "method_not_allowed", raw("BREW /jwks HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n")));
        all.add(c("protocol: a space in the path", 400, "invalid_request", raw("GET /jw ks HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n")));
        all.add(c("protocol: a raw control character in the path", 400, "invalid_request", raw("GET /jwks\u0001 HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n")));
        all.add(c("protocol: a raw non-ASCII byte in the path", 404, "not_found", raw("GET /jwks\u00ff HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n")));
        all.add(c("protocol: a bad %-escape in the path", 400, "invalid_request", get("/jwks%zz")));
        all.add(c("protocol: an absolute-form target", 200, "-", raw("GET http://{HOST}/jwks HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n")));
        all.add(c("protocol: no Host header", 400, "invalid_request", get("/jwks").noHost()));
        all.add(c("protocol: two Host headers", 400, "invalid_request", get("/jwks").h("Host", "evil.example")));
        all.add(c("protocol: a Host with a path", 400, "invalid_request", get("/.well-known/oauth-authorization-server").noHost().h("Host", "evil.example/x")));
        all.add(c("protocol: an empty Host header", 400, "invalid_request", get("/.well-known/oauth-authorization-server").noHost().h("Host", "")));
        all.add(c("protocol: X-Forwarded-Host is ignored when not trusted", 200, "-", get("/.well-known/oauth-authorization-server").h("X-Forwarded-Host", "evil.example").h("X-Forwarded-Proto", "https")));
        all.add(c("protocol: a header without a colon", 400, "invalid_request", raw("GET /jwks HTTP/1.1\r\nHost: {HOST}\r\nNoColonHere\r\nConnection: close\r\n\r\n")));
        all.add(c("protocol: a space before the colon", 400, "invalid_request", raw("GET /jwks HTTP/1.1\r\nHost: {HOST}\r\nX-Bad : 1\r\nConnection: close\r\n\r\n")));
        all.add(c("protocol: an obsolete folded header", 400, "invalid_request", raw("GET /jwks HTTP/1.1\r\nHost: {HOST}\r\nX-Folded: a\r\n b\r\nConnection: close\r\n\r\n")));
        all.add(c("protocol: a NUL in a header value", 400, "invalid_request", raw("GET /jwks HTTP/1.1\r\nHost: {HOST}\r\nX-Nul: a\u0000b\r\nConnection: close\r\n\r\n")));
        all.add(c("protocol: a bare CR in a header value", 400, "invalid_request", raw("GET /jwks HTTP/1.1\r\nHost: {HOST}\r\nX-Cr: a\rinjected: 1\r\nConnection: close\r\n\r\n")));
        all.add(c("protocol: a header of 100 000 bytes", 400, "invalid_request", get("/jwks").h("X-Big", "x".repeat(100_000))));
        all.add(c("protocol: 2000 headers", 400, "invalid_request", manyHeaders(2000)));
        all.add(c("protocol: a request line of 100 000 bytes", 414, "invalid_request", get("/jwks?q=" + "x".repeat(100_000))));
        all.add(c("protocol: Content-Length and Transfer-Encoding together", 400, "invalid_request", post("/token").h("Content-Type", FORM).h("Content-Length", "4").h("Transfer-Encoding", "chunked").h("Authorization", MYAPP).body("0\r\n\r\n")));
        all.add(c("protocol: two different Content-Lengths", 400, "invalid_request", post("/token").h("Content-Type", FORM).h("Content-Length", "5").h("Content-Length", "29").h("Authorization", MYAPP).body(CC)));
        all.add(c("protocol: a negative Content-Length", 400, "invalid_request", post("/token").h("Content-Type", FORM).h("Content-Length", "-1").h("Authorization", MYAPP).body(CC)));
        all.add(c("protocol: a non-numeric Content-Length", 400, "invalid_request", post("/token").h("Content-Type", FORM).h("Content-Length", "abc").h("Authorization", MYAPP).body(CC)));
        all.add(c("protocol: a bad chunk size at /revoke", 400, "invalid_request", post("/revoke").h("Content-Type", FORM).h("Transfer-Encoding", "chunked").h("Authorization", MYAPP).body("-5\r\nabc\r\n0\r\n\r\n")));
        all.add(c("protocol: a bad chunk size at /introspect", 400, "invalid_request", post("/introspect").h("Content-Type", FORM).h("Transfer-Encoding", "chunked").h("Authorization", MYAPP).body("1x\r\nabc\r\n0\r\n\r\n")));
        all.add(c("protocol: a bad chunk size at the login form", 400, "page", post("/authorize").h("Content-Type", FORM).h("Transfer-Encoding", "chunked").body("zz\r\nabc\r\n0\r\n\r\n")));
        all.add(c("protocol: HEAD /jwks is not served, and has no body", 405, "-", req("HEAD", "/jwks")));
        all.add(c("protocol: HEAD /whoami", 405, "-", req("HEAD", "/whoami")));
        all.add(c("protocol: HEAD on an unknown path", 404, "-", req("HEAD", "/nothing")));
        all.add(c("protocol: a bad chunk size", 400, "invalid_request", post("/token").h("Content-Type", FORM).h("Transfer-Encoding", "chunked").h("Authorization", MYAPP).body("zz\r\nabc\r\n0\r\n\r\n")));
        all.add(c("protocol: an unknown transfer coding", 400, "invalid_request", post("/token").h("Content-Type", FORM).h("Transfer-Encoding", "gzip").h("Authorization", MYAPP).body(CC)));
        all.add(c("protocol: a compressed body", 400, "invalid_request", post("/token").h("Content-Type", FORM).h("Content-Encoding", "gzip").h("Authorization", MYAPP).body(CC)));
        all.add(c("protocol: Expect 100-continue", 200, "-", post("/token").form(CC).h("Authorization", MYAPP).h("Expect", "100-continue")));
        all.add(c("protocol: an unknown Expect is ignored (RFC 9110 §10.1.1: MAY 417)", 200, "-", post("/token").form(CC).h("Authorization", MYAPP).h("Expect", "magic")));
        all.add(c("protocol: an h2c upgrade request is served as HTTP/1.1", 200, "-", get("/jwks").h("Upgrade", "h2c").h("HTTP2-Settings", "AAMAAABkAAQAoAAAAAIAAAAA")));
        all.add(c("protocol: a WebSocket upgrade is not served", 404, "not_found", get("/ws").h("Upgrade", "websocket").h("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").h("Sec-WebSocket-Version", "13")));
    }

    /** /register (enabled, behind the initial access token) and the admin API: redirect URIs, grants, lifetimes, JSON. */
    private static void registrationAndAdminInput(List<Case> all) {
        String initial = "Bearer " + HostileRequestCatalogueTest.INITIAL_ACCESS_TOKEN;
        String[][] redirects = {
                {"javascript:", "javascript:alert(document.cookie)"}, {"JavaScript: in mixed case", "JavaScript:alert(1)"},
                {"data:", "data:text/html,<script>alert(1)</script>"}, {"vbscript:", "vbscript:msgbox(1)"},
                {"file:", "file:///etc/passwd"}, {"http on a public host", "http://app.example/cb"},
                {"userinfo", "https://user:pass@app.example/cb"}, {"a wildcard host", "https://*.app.example/cb"},
                {"a fragment", "https://app.example/cb#x"}, {"a private-use scheme not in reverse-domain form", "myapp:/cb"},
        };
        all.add(c("register: the control, a client_credentials client", 201, "-",
                post("/register").h("Authorization", initial).h("Content-Type", JSON).body("{\"grant_types\":[\"client_credentials\"]}")));
        all.add(c("register: the control, a native app with a reverse-domain scheme", 201, "-", post("/register")
                .h("Authorization", initial).h("Content-Type", JSON)
                .body("{\"token_endpoint_auth_method\":\"none\",\"redirect_uris\":[\"com.example.app:/cb\"]}")));
        for (String[] r : redirects) {
            all.add(c("register: redirect URI with " + r[0], 400, "invalid_redirect_uri", post("/register").h("Authorization", initial)
                    .h("Content-Type", JSON).body("{\"token_endpoint_auth_method\":\"none\",\"redirect_uris\":[\"" + r[1] + "\"]}")));
        }
        all.add(c("register: the password grant", 400, "invalid_client_metadata",
                post("/register").h("Authorization", initial).h("Content-Type", JSON).body("{\"grant_types\":[\"password\"]}")));
        all.add(c("register: the password grant beside an allowed one", 400, "invalid_client_metadata", post("/register")
                .h("Authorization", initial).h("Content-Type", JSON).body("{\"grant_types\":[\"client_credentials\",\"password\"]}")));
        all.add(c("register: content after the JSON object", 400, "invalid_request", post("/register").h("Authorization", initial)
                .h("Content-Type", JSON).body("{\"grant_types\":[\"client_credentials\"]} xyz")));
        all.add(c("register: a duplicate key", 400, "invalid_request", post("/register").h("Authorization", initial)
                .h("Content-Type", JSON).body("{\"grant_types\":[\"client_credentials\"],\"grant_types\":[\"password\"]}")));

        String admin = "Bearer {ADMIN_TOKEN}";
        all.add(c("admin: the control, a client created", 201, "-", post("/admin/clients").h("Authorization", admin)
                .h("Content-Type", JSON).body("{\"client_id\":\"catalogue-control\",\"access_token_ttl\":86400}")));
        for (String[] r : new String[][] {redirects[0], redirects[2], redirects[5], redirects[7]}) {
            all.add(c("admin: redirect URI with " + r[0], 400, "invalid_request", post("/admin/clients").h("Authorization", admin)
                    .h("Content-Type", JSON).body("{\"client_id\":\"catalogue-bad\",\"client_type\":\"public\",\"redirect_uris\":[\""
                            + r[1] + "\"]}")));
        }
        all.add(c("admin: a redirect URI changed to javascript:", 400, "invalid_request", req("PATCH", "/admin/clients/myapp")
                .h("Authorization", admin).h("Content-Type", JSON).body("{\"redirect_uris\":[\"javascript:alert(1)\"]}")));
        for (String ttl : new String[] {"86401", "1000000000000", "9223372036854775807", "99999999999999999999"}) {
            all.add(c("admin: access_token_ttl " + ttl, 400, "invalid_request", post("/admin/clients").h("Authorization", admin)
                    .h("Content-Type", JSON).body("{\"client_id\":\"catalogue-ttl\",\"access_token_ttl\":" + ttl + "}")));
        }
        all.add(c("admin: content after the JSON object", 400, "invalid_request", post("/admin/clients").h("Authorization", admin)
                .h("Content-Type", JSON).body("{\"client_id\":\"catalogue-trailing\"} xyz")));
        all.add(c("admin: a second JSON object after the first", 400, "invalid_request", post("/admin/clients")
                .h("Authorization", admin).h("Content-Type", JSON).body("{\"client_id\":\"catalogue-two\"}{\"client_id\":\"x\"}")));
        all.add(c("admin: a duplicate key", 400, "invalid_request", post("/admin/clients").h("Authorization", admin)
                .h("Content-Type", JSON).body("{\"client_id\":\"catalogue-dup\",\"client_id\":\"catalogue-dup2\"}")));
        all.add(c("admin: content after the JSON object of a change", 400, "invalid_request", req("PATCH", "/admin/clients/myapp")
                .h("Authorization", admin).h("Content-Type", JSON).body("{\"scope\":\"read\"} ]")));
    }

    /** A complete token request, hidden in a body or pipelined: if it ever runs, a second answer follows the first. */
    private static final String SMUGGLED = "POST /token HTTP/1.1\r\nHost: {HOST}\r\nAuthorization: " + MYAPP
            + "\r\nContent-Type: " + FORM + "\r\nContent-Length: " + CC.length() + "\r\n\r\n" + CC;

    /**
     * Request smuggling through unread bodies and pipelining (RFC 9112 §9.6): every request here asks to close, and the
     * runner checks that nothing follows the answer and the connection ends, so the hidden request never runs.
     */
    private static void connections(List<Case> all) {
        String n = "connection: ";
        all.add(c(n + "GET /jwks with a body hiding a token request", 200, "-", get("/jwks").body(SMUGGLED)));
        all.add(c(n + "GET discovery with a body hiding a token request", 200, "-", get("/.well-known/oauth-authorization-server").body(SMUGGLED)));
        all.add(c(n + "GET /health/live with a body hiding a token request", 200, "-", get("/health/live").body(SMUGGLED)));
        all.add(c(n + "GET /whoami with a token and a body hiding a token request", 200, "-", get("/whoami").h("Authorization", "Bearer {TOKEN}").body(SMUGGLED)));
        all.add(c(n + "GET /whoami without a token, a body hiding a token request", 401, "unauthorized", get("/whoami").body(SMUGGLED)));
        all.add(c(n + "GET /authorize with a body hiding a token request", 200, "page", get(authorize(REDIRECT)).body(SMUGGLED)));
        all.add(c(n + "POST to an unknown path, the body a token request", 404, "not_found", post("/nothing").body(SMUGGLED)));
        all.add(c(n + "DELETE /jwks, the body a token request", 405, "method_not_allowed", req("DELETE", "/jwks").body(SMUGGLED)));
        all.add(c(n + "GET /token, the body a token request", 405, "method_not_allowed", get("/token").body(SMUGGLED)));
        all.add(c(n + "HEAD /jwks, the body a token request", 405, "-", req("HEAD", "/jwks").body(SMUGGLED)));
        all.add(c(n + "POST /admin/clients without a token, the body a token request", 401, "unauthorized", post("/admin/clients").h("Content-Type", "application/json").body(SMUGGLED)));
        all.add(c(n + "POST /admin/keys/rotate with a forged token, the body a token request", 401, "invalid_token", post("/admin/keys/rotate").h("Authorization", "Bearer forged").body(SMUGGLED)));
        all.add(c(n + "POST /revoke as text/plain, the body a token request", 400, "invalid_request", post("/revoke").h("Content-Type", "text/plain").h("Authorization", MYAPP).body(SMUGGLED)));
        all.add(c(n + "POST /introspect as JSON, the body a token request", 400, "invalid_request", post("/introspect").h("Content-Type", "application/json").h("Authorization", MYAPP).body(SMUGGLED)));
        all.add(c(n + "a chunked body on GET /jwks hiding a token request", 200, "-", get("/jwks").h("Transfer-Encoding", "chunked")
                .body(Integer.toHexString(SMUGGLED.length()) + "\r\n" + SMUGGLED + "\r\n0\r\n\r\n")));
        all.add(c(n + "Expect 100-continue on GET /jwks, the body a token request", 200, "-", get("/jwks").h("Expect", "100-continue").body(SMUGGLED)));
        all.add(c(n + "a token request pipelined behind GET /jwks that asks to close", 200, "-",
                raw("GET /jwks HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n" + SMUGGLED)));
        all.add(c(n + "a token request pipelined behind a 404 that asks to close", 404, "not_found",
                raw("GET /nothing HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n" + SMUGGLED)));
        all.add(c(n + "a token request pipelined behind Content-Length 0 and close", 200, "-",
                raw("GET /jwks HTTP/1.1\r\nHost: {HOST}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n" + SMUGGLED)));
        all.add(c(n + "a token request pipelined behind a token request that asks to close", 200, "-",
                raw(SMUGGLED.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n") + SMUGGLED)));
    }

    private static HostileRequestCatalogueTest.Request manyHeaders(int count) {
        HostileRequestCatalogueTest.Request request = get("/jwks?many");
        for (int i = 0; i < count; i++) {
            request = request.h("X-H" + i, "v");
        }
        return request;
    }
}
