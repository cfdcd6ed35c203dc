package dev.portcullis.domain.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RedirectUriRuleTest {

    private static final List<URI> WEB = List.of(URI.create("https://app.example/callback"),
            URI.create("https://app.example/cb?tenant=a"));
    private static final List<URI> LOOPBACK = List.of(URI.create("http://127.0.0.1/callback"),
            URI.create("http://localhost/callback"), URI.create("http://[::1]:8000/cb"));

    private static Optional<URI> resolve(List<URI> registered, String sent) {
        return RedirectUriRule.resolve(registered, Optional.of(sent));
    }

    @Test
    void anExactlyEqualUriMatchesAndIsReturnedAsSent() {
        assertThat(resolve(WEB, "https://app.example/callback")).contains(URI.create("https://app.example/callback"));
        assertThat(resolve(WEB, "https://app.example/cb?tenant=a")).contains(URI.create("https://app.example/cb?tenant=a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://app.example/callback/",
            "https://app.example/callback?x=1",
            "https://app.example/callback#frag",
            "https://APP.example/callback",
            "https://app.example:443/callback",
            "http://app.example/callback",
            "https://app.example/Callback",
            "https://app.example/other",
            "https://evil.example/callback",
            "https://app.example.evil.example/callback",
            "https://app.example@evil.example/callback",
            "https://app.example/cb?tenant=b",
            "https://app.example/cb?tenant=a&x=1",
            "https://app.example/./callback",
            "https://app.example/callback ",
            "https://app.example:8443/callback",
            ""})
    void anythingElseDoesNotMatchAWebUri(String sent) {
        assertThat(resolve(WEB, sent)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/callback", "http://127.0.0.1:1/callback", "http://127.0.0.1:53124/callback",
            "http://127.0.0.1:65535/callback", "http://localhost:8080/callback", "http://localhost/callback",
            "http://[::1]/cb", "http://[::1]:9/cb"})
    void aLoopbackUriMatchesOnAnyPort(String sent) {
        assertThat(resolve(LOOPBACK, sent)).contains(URI.create(sent));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1@evil.com/callback",
            "http://127.0.0.1:80@evil.com/callback",
            "http://127.0.0.1.evil.com/callback",
            "http://localhost.evil.com/callback",
            "http://127.0.0.1:8080/other",
            "http://127.0.0.1:8080/callback?x=1",
            "http://127.0.0.1:8080/callback#x",
            "http://127.0.0.1:8080/callback/",
            "http://127.0.0.1:0/callback",
            "http://127.0.0.1:08080/callback",
            "http://127.0.0.1:65536/callback",
            "http://127.0.0.1:/callback",
            "http://127.0.0.1:１２/callback",
            "https://127.0.0.1:8080/callback",
            "http://127.0.0.2:8080/callback",
            "http://[::1]:9/callback",
            "http://127.0.0.1:8080\\@evil.com/callback",
            "http://localhost:8080/callback/../callback"})
    void aLoopbackUriWithAnythingButThePortChangedDoesNotMatch(String sent) {
        assertThat(resolve(LOOPBACK, sent)).isEmpty();
    }

    @Test
    void onlyLoopbackRegistrationsGetAnyPort() {
        List<URI> registered = List.of(URI.create("http://app.example/callback"), URI.create("http://localhostx/cb"));

        assertThat(resolve(registered, "http://app.example:8080/callback")).isEmpty();
        assertThat(resolve(registered, "http://localhostx:8080/cb")).isEmpty();
        assertThat(RedirectUriRule.isLoopback(URI.create("http://localhostx/cb"))).isFalse();
        assertThat(RedirectUriRule.isLoopback(URI.create("http://localhost/cb"))).isTrue();
    }

    @Test
    void anOmittedRedirectUriMeansTheOnlyRegisteredOne() {
        URI only = URI.create("https://app.example/callback");

        assertThat(RedirectUriRule.resolve(List.of(only), Optional.empty())).contains(only);
        assertThat(RedirectUriRule.resolve(WEB, Optional.empty())).isEmpty();
        assertThat(RedirectUriRule.resolve(List.of(), Optional.empty())).isEmpty();
    }

    @Test
    void aClientWithoutRegisteredUrisMatchesNothing() {
        assertThat(resolve(List.of(), "https://app.example/callback")).isEmpty();
    }
}
