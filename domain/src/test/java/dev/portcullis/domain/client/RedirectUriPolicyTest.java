package dev.portcullis.domain.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectUriPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://app.example/callback", "https://app.example/cb?tenant=a", "https://app.example:8443/cb",
            "https://[2001:db8::1]/cb", "https://app.example",
            "http://127.0.0.1/callback", "http://127.0.0.1:53124/cb", "http://127.0.0.1", "http://[::1]:8000/cb",
            "com.example.app:/oauth2redirect", "com.example.app:/", "io.github.some-user.app:/cb?x=1",
            "com.example.app://callback/path"})
    void webLoopbackAndReverseDomainNativeUrisAreAllowed(String uri) {
        assertThat(RedirectUriPolicy.STRICT.refusal(uri)).as(uri).isEmpty();
        assertThat(RedirectUriPolicy.DEV.refusal(uri)).as(uri).isEmpty();
        assertThat(RedirectUriPolicy.STRICT.refusal(URI.create(uri))).as(uri).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "javascript:alert(1)", "javascript://app.example/%0Aalert(1)", "data:text/html,x", "data:,x", "vbscript:msgbox(1)",
            "file:///etc/passwd", "blob:https://app.example/1", "about:blank", "ftp://app.example/cb", "ws://127.0.0.1/cb",
            "intent://cb#Intent;end", "myapp:/cb", "app:/cb", "com:/cb", "com.example.app:cb", "com.example.app:",
            "JAVASCRIPT:alert(1)", "JavaScript:alert(1)", "HTTPS://app.example/cb", "Https://app.example/cb",
            "http://app.example/cb", "http://10.0.0.7/cb", "http://127.0.0.2/cb", "http://127.0.0.1.evil.example/cb",
            "http://2130706433/cb", "http://0x7f.0.0.1/cb", "http:/127.0.0.1/cb", "http:127.0.0.1/cb", "http://[::1].evil/cb",
            "https://user@app.example/cb", "https://user:pass@app.example/cb", "http://evil@127.0.0.1/cb",
            "com.example.app://user@host/cb",
            "https://*.app.example/cb", "https://app.example/*", "https://app.example/cb?x=*", "*",
            "https://app.example/cb#", "https://app.example/cb#frag", "com.example.app:/cb#x",
            "https:/app.example/cb", "https:app.example", "https://", "https:///cb", "https://a_b.example/cb",
            "/relative/cb", "//app.example/cb", "app.example/cb", "", " https://app.example/cb", "https://app.example/c b",
            "https://app.example/cb\n", "https://app.exämple/cb", "https://app.example/\u0000", "https://app.example:99999/cb",
            "http://127.0.0.1:65536/cb", "http://localhost/cb", "http://localhost:3000/cb"})
    void everythingElseIsRefusedWithAReason(String uri) {
        assertThat(RedirectUriPolicy.STRICT.refusal(uri)).as(uri).isPresent();
    }

    @Test
    void localhostOverHttpIsADevAllowanceOnly() {
        assertThat(RedirectUriPolicy.DEV.refusal("http://localhost/callback")).isEmpty();
        assertThat(RedirectUriPolicy.DEV.refusal("http://localhost:3000/cb")).isEmpty();
        assertThat(RedirectUriPolicy.STRICT.refusal("http://localhost/callback")).hasValueSatisfying(reason ->
                assertThat(reason).contains("127.0.0.1 or [::1]").doesNotContain("localhost"));
        assertThat(RedirectUriPolicy.DEV.refusal("http://localhost.evil.example/cb")).isPresent();
        assertThat(RedirectUriPolicy.DEV.refusal("http://localhostx/cb")).isPresent();
        assertThat(RedirectUriPolicy.DEV.refusal("javascript:alert(1)")).isPresent();
        assertThat(RedirectUriPolicy.DEV.refusal("http://app.example/cb")).isPresent();
    }

    @Test
    void theReasonNamesTheRuleNeverTheUri() {
        assertThat(RedirectUriPolicy.STRICT.refusal("javascript:alert(document.cookie)")).hasValueSatisfying(reason ->
                assertThat(reason).contains("scheme javascript is not allowed").contains("com.example.app:/callback")
                        .doesNotContain("cookie"));
        assertThat(RedirectUriPolicy.STRICT.refusal("https://secret-user@app.example/cb")).hasValueSatisfying(reason ->
                assertThat(reason).contains("userinfo").doesNotContain("secret-user"));
        assertThat(RedirectUriPolicy.STRICT.refusal("x" + "y".repeat(100) + ":/cb")).hasValueSatisfying(reason ->
                assertThat(reason.length()).isLessThan(250));
    }
}
