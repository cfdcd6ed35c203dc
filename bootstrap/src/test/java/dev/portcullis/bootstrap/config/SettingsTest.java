package dev.portcullis.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.adapters.http.limits.ConnectionLimits;
import dev.portcullis.domain.client.RedirectUriPolicy;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.scope.ScopeSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @Test
    void withNothingConfiguredItIsTheEmbeddedDevDefault() {
        Settings settings = Settings.from(ConfigLoader.load(Map.of(), Optional.empty()));

        assertThat(settings.profile()).isEqualTo(Profile.DEV);
        assertThat(settings.server().port()).isEqualTo(8080);
        assertThat(settings.server().host()).isEqualTo("127.0.0.1");
        assertThat(settings.discoveryEnabled()).isTrue();
        assertThat(settings.issuer()).isEmpty();
        assertThat(settings.tokens().accessTokenTtl()).isEqualTo(Duration.ofSeconds(900));
        assertThat(settings.signing().algorithm()).isEqualTo(SigningAlgorithm.ES256);
    }

    @Test
    void connectionLimitsDefaultToTheAdaptersOwnAndAreConfigurable() {
        Settings.Connections defaults = Settings.from(ConfigLoader.load(Map.of(), Optional.empty())).server().connections();
        assertThat(new ConnectionLimits(defaults.idleTimeout(), defaults.headerTimeout(), defaults.bodyTimeout(),
                defaults.maxConnections())).isEqualTo(ConnectionLimits.DEFAULTS);

        Settings.Connections set = Settings.from(ConfigLoader.load(Map.of("SERVER_IDLE_TIMEOUT", "5s",
                "SERVER_REQUEST_HEADER_TIMEOUT", "2s", "SERVER_REQUEST_BODY_TIMEOUT", "3s", "SERVER_MAX_CONNECTIONS", "50"),
                Optional.empty())).server().connections();
        assertThat(set).isEqualTo(new Settings.Connections(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(3), 50));

        assertThatThrownBy(() -> Settings.from(ConfigLoader.load(Map.of("SERVER_MAX_CONNECTIONS", "0"), Optional.empty())))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("server.max-connections");
        assertThatThrownBy(() -> Settings.from(ConfigLoader.load(Map.of("SERVER_REQUEST_HEADER_TIMEOUT", "0s"), Optional.empty())))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("server.request-header-timeout");
    }

    @Test
    void environmentVariablesOverrideTheFileWhichOverridesDefaults(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("portcullis.yaml");
        Files.writeString(file, """
                server:
                  port: 9000
                token:
                  access-token-ttl: 10m
                whoami:
                  required-scope: read
                """);

        Settings settings = Settings.from(ConfigLoader.load(Map.of("SERVER_PORT", "9100"), Optional.of(file)));

        assertThat(settings.server().port()).isEqualTo(9100);
        assertThat(settings.tokens().accessTokenTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.whoamiRequiredScope()).isEqualTo(ScopeSet.of("read"));
    }

    @Test
    void theProductionProfileListensEverywhereWithDiscoveryOff() {
        Settings settings = Settings.from(ConfigLoader.load(Map.of("PORTCULLIS_PROFILE", "prod"), Optional.empty()));

        assertThat(settings.server().host()).isEqualTo("0.0.0.0");
        assertThat(settings.discoveryEnabled()).isFalse();
    }

    @Test
    void badValuesAreNamedInOneLine() {
        assertThatThrownBy(() -> settings("SERVER_PORT", "eighty")).hasMessageContaining("server.port");
        assertThatThrownBy(() -> settings("PORTCULLIS_PROFILE", "staging")).hasMessageContaining("portcullis.profile");
        assertThatThrownBy(() -> settings("TOKEN_ACCESS_TOKEN_TTL", "soon")).hasMessageContaining("token.access-token-ttl");
        assertThatThrownBy(() -> settings("TOKEN_ACCESS_TOKEN_TTL", "0s")).hasMessageContaining("positive");
        assertThatThrownBy(() -> settings("SIGNING_ALGORITHM", "none")).hasMessageContaining("signing.algorithm");
        assertThatThrownBy(() -> settings("SIGNING_ALGORITHM", "HS256")).hasMessageContaining("SIGNING_HS256_KEY");
        assertThatThrownBy(() -> settings("ISSUER", "https://x/?q=1")).hasMessageContaining("issuer");
        assertThatThrownBy(() -> settings("DISCOVERY_ENABLED", "yes")).hasMessageContaining("true or false");
        assertThatThrownBy(() -> settings("WHOAMI_REQUIRED_SCOPE", "a  b")).hasMessageContaining("whoami.required-scope");
    }

    @Test
    void aConfiguredIssuerLosesOneTrailingSlashAndAllowedIssuersAreOrigins() {
        assertThat(settings("ISSUER", "https://auth.example.com/").issuer().orElseThrow().value())
                .isEqualTo("https://auth.example.com");
        assertThat(settings("ALLOWED_ISSUERS", "HTTPS://A.example:443/, http://b.example:8080  http://[::1]:80")
                .allowedIssuers()).extracting(Object::toString)
                .containsExactlyInAnyOrder("https://a.example", "http://b.example:8080", "http://[::1]");
        for (String bad : new String[] {"https://a.example/path", "ftp://a.example", "https://u@a.example", "a.example",
                "https://a.example?x=1"}) {
            assertThatThrownBy(() -> settings("ALLOWED_ISSUERS", bad)).as(bad).hasMessageContaining("allowed-issuers");
        }
        assertThatThrownBy(() -> Settings.from(ConfigLoader.load(Map.of("ISSUER", "https://a.example",
                "ALLOWED_ISSUERS", "https://b.example"), Optional.empty()))).hasMessageContaining("not both");
    }

    @Test
    void everyKeyHasAnEnvironmentVariableWithoutDashesOrDots() {
        assertThat(ConfigKey.TOKEN_TTL.environmentVariable()).isEqualTo("TOKEN_ACCESS_TOKEN_TTL");
        assertThat(ConfigKey.values()).allSatisfy(key -> assertThat(key.environmentVariable()).matches("[A-Z0-9_]+"));
    }

    private static Settings settings(String variable, String value) {
        return Settings.from(ConfigLoader.load(Map.of(variable, value), Optional.empty()));
    }

    private static Settings settings(String... env) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < env.length; i += 2) {
            map.put(env[i], env[i + 1]);
        }
        return Settings.from(ConfigLoader.load(map, Optional.empty()));
    }

    @Test
    void theMaximumAccessTokenLifetimeIsADayAndTheDefaultLifetimeMayNotExceedIt() {
        assertThat(settings().tokens().maxAccessTokenTtl()).isEqualTo(Duration.ofDays(1));
        assertThat(settings("TOKEN_MAX_ACCESS_TOKEN_TTL", "2h").tokens().maxAccessTokenTtl()).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> settings("TOKEN_ACCESS_TOKEN_TTL", "2d"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("token.access-token-ttl").hasMessageContaining("token.max-access-token-ttl");
        assertThat(settings("TOKEN_ACCESS_TOKEN_TTL", "2d", "TOKEN_MAX_ACCESS_TOKEN_TTL", "7d").tokens().accessTokenTtl())
                .isEqualTo(Duration.ofDays(2));
        assertThatThrownBy(() -> settings("TOKEN_MAX_ACCESS_TOKEN_TTL", "0s")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("token.max-access-token-ttl");
    }

    @Test
    void selfRegisteredClientsGetEveryGrantButPasswordUnlessTheOperatorSaysOtherwise() {
        assertThat(settings().registration().allowedGrantTypes()).containsExactlyInAnyOrder(GrantType.AUTHORIZATION_CODE,
                GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS);
        assertThat(settings("REGISTRATION_ALLOWED_GRANT_TYPES", " client_credentials, password ").registration()
                .allowedGrantTypes()).containsExactlyInAnyOrder(GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD);
        assertThatThrownBy(() -> settings("REGISTRATION_ALLOWED_GRANT_TYPES", "client_credentials implicit"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("registration.allowed-grant-types")
                .hasMessageContaining("implicit");
        assertThatThrownBy(() -> settings("REGISTRATION_ALLOWED_GRANT_TYPES", " , ")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("at least one");
    }

    @Test
    void theRedirectUriRuleTakesLocalhostInTheDevProfileOnly() {
        assertThat(settings().redirectUriPolicy()).isEqualTo(RedirectUriPolicy.DEV);
        assertThat(settings("PORTCULLIS_PROFILE", "prod").redirectUriPolicy()).isEqualTo(RedirectUriPolicy.STRICT);
    }
}
