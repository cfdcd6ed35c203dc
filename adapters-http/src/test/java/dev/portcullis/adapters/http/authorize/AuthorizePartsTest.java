package dev.portcullis.adapters.http.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.domain.token.Issuer;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small pieces of the endpoint: escaping, redirect locations, cookies, CSP sources. */
class AuthorizePartsTest {

    @Test
    void htmlEscapingCoversTextAndAttributeContexts() {
        assertThat(Html.escape("<a href=\"x\" onclick='y'>&`</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;");
        assertThat(Html.escape("plain text, é ü 中")).isEqualTo("plain text, é ü 中");
        assertThat(Html.escape("a\u0000b\u007fc")).isEqualTo("a&#xFFFD;b&#xFFFD;c");
    }

    @Test
    void responseParametersAreAppendedToTheRedirectUrisQuery() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", "abc");
        params.put("state", "a b&c=d");
        params.put("iss", "https://as.example");

        assertThat(RedirectLocation.of(URI.create("https://app.example/cb"), params))
                .isEqualTo("https://app.example/cb?code=abc&state=a+b%26c%3Dd&iss=https%3A%2F%2Fas.example");
        assertThat(RedirectLocation.of(URI.create("https://app.example/cb?tenant=a"), params))
                .startsWith("https://app.example/cb?tenant=a&code=abc&");
        assertThat(RedirectLocation.of(URI.create("https://app.example/cb?"), Map.of("code", "abc")))
                .isEqualTo("https://app.example/cb?code=abc");
        assertThat(RedirectLocation.of(URI.create("com.example.app:/oauth2redirect"), Map.of("code", "abc")))
                .isEqualTo("com.example.app:/oauth2redirect?code=abc");
    }

    @Test
    void theCsrfCookieIsReadOnlyByItsExactName() {
        List<String> headers = List.of("a=1; portcullis-csrf=first", "xportcullis-csrf=no; portcullis-csrf = second ");

        assertThat(CsrfCookie.values(headers, "portcullis-csrf")).containsExactly("first", "second");
        assertThat(CsrfCookie.values(List.of(), "portcullis-csrf")).isEmpty();
    }

    @Test
    void onlyOneWellFormedNonceCounts() {
        Issuer http = new Issuer("http://127.0.0.1:8080");
        String nonce = CsrfCookie.newNonce();

        assertThat(CsrfCookie.single(List.of("portcullis-csrf=" + nonce), http)).contains(nonce);
        assertThat(CsrfCookie.single(List.of("portcullis-csrf=short"), http)).isEmpty();
        assertThat(CsrfCookie.single(List.of("portcullis-csrf=" + nonce + "; portcullis-csrf=" + nonce), http)).isEmpty();
        assertThat(CsrfCookie.single(List.of("__Host-portcullis-csrf=" + nonce), http)).isEmpty();
        assertThat(CsrfCookie.newNonce()).isNotEqualTo(nonce).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void httpsUsesTheHostPrefixedSecureCookie() {
        assertThat(CsrfCookie.setCookie(new Issuer("https://as.example"), "n"))
                .isEqualTo("__Host-portcullis-csrf=n; Path=/; HttpOnly; SameSite=Strict; Secure");
        assertThat(CsrfCookie.setCookie(new Issuer("http://localhost:8080"), "n"))
                .isEqualTo("portcullis-csrf=n; Path=/; HttpOnly; SameSite=Strict");
    }

    @Test
    void formActionNamesTheRedirectOriginOnlyWhenItCanBeWrittenSafely() {
        assertThat(HtmlResponses.sourceOf(URI.create("https://app.example/cb?x=1"))).contains("https://app.example");
        assertThat(HtmlResponses.sourceOf(URI.create("http://127.0.0.1:4711/cb"))).contains("http://127.0.0.1:4711");
        assertThat(HtmlResponses.sourceOf(URI.create("http://[::1]:4711/cb"))).contains("http://[::1]:4711");
        assertThat(HtmlResponses.sourceOf(URI.create("com.example.app:/oauth2redirect"))).contains("com.example.app:");
        assertThat(HtmlResponses.sourceOf(URI.create("http:/no-host"))).isEmpty();
        assertThat(HtmlResponses.csp(Optional.empty())).endsWith("form-action 'self'");
    }
}
