package dev.portcullis.application.port.out.contract;

import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.ScopeSet;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;

/** Clients for tests, named for what the test needs: {@code Clients.confidential("myapp").build()}. */
public final class Clients {

    private Clients() {}

    /** A confidential client_credentials client with a secret, both secret auth methods and no scopes. */
    public static Client.Builder confidential(String id) {
        return Client.confidential(new ClientId(id), Fixtures.anySecretHash());
    }

    /** A public authorization_code client with one redirect URI. */
    public static Client.Builder publicClient(String id) {
        return Client.publicClient(new ClientId(id))
                .redirectUris(List.of(URI.create("https://app.example/callback")));
    }

    /** A confidential client with every optional field set to something other than its default. */
    public static Client fullyLoaded(String id) {
        return confidential(id)
                .authMethods(EnumSet.of(AuthMethod.CLIENT_SECRET_POST))
                .grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS, GrantType.AUTHORIZATION_CODE,
                        GrantType.PASSWORD, GrantType.REFRESH_TOKEN))
                .allowedScopes(ScopeSet.of("read", "write", "admin:users", "orders.read"))
                .defaultScopes(ScopeSet.of("read"))
                .audience(List.of("https://api.example", "urn:orders", "billing"))
                .accessTokenTtl(Duration.ofSeconds(300).plusMillis(250))
                .redirectUris(List.of(
                        URI.create("https://app.example/cb?tenant=a&x=%20y"),
                        URI.create("http://127.0.0.1:8123/callback"),
                        URI.create("com.example.app:/oauth2redirect")))
                .build();
    }

    /** {@code count} distinct valid scopes: {@code scope-0000}, {@code scope-0001}, ... */
    public static ScopeSet manyScopes(int count) {
        return ScopeSet.of(IntStream.range(0, count).mapToObj(i -> String.format("scope-%04d", i)).toArray(String[]::new));
    }

    /** {@code count} distinct absolute redirect URIs. */
    public static List<URI> manyRedirectUris(int count) {
        return IntStream.range(0, count).mapToObj(i -> URI.create("https://app" + i + ".example/callback?n=" + i)).toList();
    }
}
