package dev.portcullis.adapters.redis;

import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.secret.SecretHash;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Clients as the fields of one Redis hash, {@code <prefix>clients}: client id → encoded client. */
public final class RedisClientRepository implements ClientRepository {

    private static final String VERSION = "client1";

    private final RedisBackend redis;
    private final String hashKey;

    public RedisClientRepository(RedisBackend redis) {
        this.redis = redis;
        this.hashKey = redis.key("clients");
    }

    @Override
    public Optional<Client> findById(ClientId id) {
        return Optional.ofNullable(redis.call(() -> redis.commands().hget(hashKey, id.value()))).map(RedisClientRepository::decode);
    }

    @Override
    public void save(Client client) {
        String encoded = encode(client);
        redis.run(() -> redis.commands().hset(hashKey, client.id().value(), encoded));
    }

    @Override
    public boolean delete(ClientId id) {
        return redis.call(() -> redis.commands().hdel(hashKey, id.value())) > 0;
    }

    @Override
    public List<Client> findAll() {
        return redis.call(() -> redis.commands().hvals(hashKey)).stream()
                .map(RedisClientRepository::decode)
                .sorted(Comparator.comparing(c -> c.id().value()))
                .toList();
    }

    static String encode(Client c) {
        return Doc.write(VERSION)
                .put(c.id().value())
                .put(c.secretHash().map(SecretHash::encoded))
                .put(c.authMethods().stream().map(AuthMethod::wire).sorted().toList())
                .put(c.grantTypes().stream().map(GrantType::wire).sorted().toList())
                .put(c.allowedScopes())
                .put(c.defaultScopes())
                .put(c.audience())
                .put(c.accessTokenTtl().map(Duration::toString))
                .put(c.redirectUris().stream().map(URI::toString).toList())
                .encode();
    }

    static Client decode(String encoded) {
        try {
            Doc.Reader r = Doc.read(encoded, VERSION);
            Client client = new Client(
                    new ClientId(r.next()),
                    r.nextOptional().map(SecretHash::new),
                    r.nextList().stream().map(w -> AuthMethod.fromWire(w).orElseThrow()).collect(Collectors.toSet()),
                    r.nextList().stream().map(w -> GrantType.fromWire(w).orElseThrow()).collect(Collectors.toSet()),
                    r.nextScopes(),
                    r.nextScopes(),
                    r.nextList(),
                    r.nextOptional().map(Duration::parse),
                    r.nextList().stream().map(URI::create).toList());
            r.end();
            return client;
        } catch (RuntimeException e) {
            throw Doc.corrupt(e);
        }
    }
}
