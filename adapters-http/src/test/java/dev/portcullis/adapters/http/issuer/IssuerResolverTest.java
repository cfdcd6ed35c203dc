package dev.portcullis.adapters.http.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.domain.token.Issuer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IssuerResolverTest {

    private static final IssuerResolver FROM_HOST = new IssuerResolver(Optional.empty(), false);
    private static final IssuerResolver BEHIND_PROXY = new IssuerResolver(Optional.empty(), true);

    private static Optional<String> resolve(IssuerResolver resolver, String host) {
        return resolver.resolve(false, List.of(host), List.of(), List.of()).map(Issuer::value);
    }

    @Test
    void a_listed_source_accepts_only_the_listed_issuers_exactly() {
        IssuerResolver listed = new IssuerResolver(new IssuerSource.Listed(
                Set.of(new Issuer("https://a.example"), new Issuer("http://b.example:8080"))), true);

        assertThat(listed.resolve(false, List.of("internal:8080"), List.of("https"), List.of("A.example")).map(Issuer::value))
                .contains("https://a.example");
        assertThat(resolve(listed, "b.example:8080")).contains("http://b.example:8080");
        assertThat(resolve(listed, "b.example")).as("another port is another issuer").isEmpty();
        assertThat(resolve(listed, "a.example")).as("another scheme is another issuer").isEmpty();
        assertThat(resolve(listed, "evil.example")).isEmpty();
    }

    @Test
    void with_one_loopback_issuer_every_loopback_name_is_localhost() {
        IssuerResolver dev = new IssuerResolver(IssuerSource.anyHostWithOneLoopbackIssuer(), false);

        for (String host : List.of("localhost:8080", "127.0.0.1:8080", "[::1]:8080", "LOCALHOST:8080", "localhost.:8080")) {
            assertThat(resolve(dev, host)).as(host).contains("http://localhost:8080");
        }
        assertThat(resolve(dev, "127.0.0.1")).contains("http://localhost");
        assertThat(resolve(dev, "127.0.0.2:8080")).as("only the names RFC 8252 gives loopback").contains("http://127.0.0.2:8080");
        assertThat(resolve(dev, "auth.test:8080")).contains("http://auth.test:8080");
        assertThat(resolve(FROM_HOST, "127.0.0.1:8080")).as("exact unless asked").contains("http://127.0.0.1:8080");
    }

    @Test
    void the_configured_issuer_wins_over_every_header() {
        IssuerResolver configured = new IssuerResolver(Optional.of(new Issuer("https://auth.example.com")), true);

        assertThat(configured.resolve(false, List.of("evil.test"), List.of("http"), List.of("evil.test")))
                .contains(new Issuer("https://auth.example.com"));
    }

    @Test
    void derives_http_and_the_host_header() {
        assertThat(resolve(FROM_HOST, "auth.example.com:8080")).contains("http://auth.example.com:8080");
    }

    @Test
    void a_tls_connection_derives_https() {
        assertThat(FROM_HOST.resolve(true, List.of("auth.example.com"), List.of(), List.of()).map(Issuer::value))
                .contains("https://auth.example.com");
    }

    @Test
    void normalizes_case_default_ports_and_a_trailing_dot() {
        assertThat(resolve(FROM_HOST, "Auth.Example.COM:80")).contains("http://auth.example.com");
        assertThat(resolve(FROM_HOST, "auth.example.com.")).contains("http://auth.example.com");
        assertThat(resolve(FROM_HOST, "127.0.0.1:443")).contains("http://127.0.0.1:443");
    }

    @Test
    void accepts_an_ipv6_literal() {
        assertThat(resolve(FROM_HOST, "[::1]:8080")).contains("http://[::1]:8080");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bad_host", "user@host", "host/path", "host:0", "host:65536", "host:abc",
            "host?x", "-host", "a..b", "host:", "[::1", "ho st"})
    void a_garbage_host_yields_no_issuer(String host) {
        assertThat(resolve(FROM_HOST, host)).isEmpty();
    }

    @Test
    void no_host_or_two_hosts_yield_no_issuer() {
        assertThat(FROM_HOST.resolve(false, List.of(), List.of(), List.of())).isEmpty();
        assertThat(FROM_HOST.resolve(false, List.of("a.test", "b.test"), List.of(), List.of())).isEmpty();
    }

    @Test
    void forwarded_headers_are_ignored_unless_trusted() {
        assertThat(FROM_HOST.resolve(false, List.of("internal:8080"), List.of("https"), List.of("auth.example.com"))
                .map(Issuer::value)).contains("http://internal:8080");
    }

    @Test
    void trusted_forwarded_headers_replace_scheme_and_host() {
        assertThat(BEHIND_PROXY.resolve(false, List.of("internal:8080"), List.of("HTTPS"), List.of("auth.example.com"))
                .map(Issuer::value)).contains("https://auth.example.com");
    }

    @Test
    void each_trusted_forwarded_header_applies_alone_and_the_first_list_element_counts() {
        assertThat(BEHIND_PROXY.resolve(false, List.of("internal:8080"), List.of("https, http"), List.of())
                .map(Issuer::value)).contains("https://internal:8080");
        assertThat(BEHIND_PROXY.resolve(false, List.of("internal"), List.of(), List.of("a.example.com, proxy.local"))
                .map(Issuer::value)).contains("http://a.example.com");
    }

    @Test
    void a_trusted_but_garbage_forwarded_header_yields_no_issuer() {
        assertThat(BEHIND_PROXY.resolve(false, List.of("internal"), List.of("ftp"), List.of())).isEmpty();
        assertThat(BEHIND_PROXY.resolve(false, List.of("internal"), List.of(), List.of("evil.test/path"))).isEmpty();
    }
}
