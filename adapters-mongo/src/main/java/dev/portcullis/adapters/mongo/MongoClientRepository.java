package dev.portcullis.adapters.mongo;

import static dev.portcullis.adapters.mongo.Fields.ID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.secret.SecretHash;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bson.Document;

/**
 * Clients in the {@code clients} collection, one document per client keyed by its id:
 * <pre>{@code
 * { _id: "myapp", secretHash: "$sha256$...",            // absent for a public client
 *   authMethods: ["client_secret_basic"], grantTypes: ["client_credentials"],
 *   allowedScopes: ["read", "write"], defaultScopes: ["read"], audience: ["https://api.example"],
 *   accessTokenTtl: "PT5M",                              // ISO-8601, absent for the server default
 *   redirectUris: ["https://app.example/cb"] }
 * }</pre>
 */
public final class MongoClientRepository implements ClientRepository {

    private final MongoCollection<Document> clients;

    public MongoClientRepository(MongoStorage storage) {
        this.clients = storage.collection(MongoStorage.CLIENTS);
    }

    @Override
    public Optional<Client> findById(ClientId id) {
        Document document = MongoStorage.call(() -> clients.find(Filters.eq(ID, id.value())).first());
        return Optional.ofNullable(document).map(MongoClientRepository::fromDocument);
    }

    @Override
    public void save(Client client) {
        Document document = toDocument(client);
        MongoStorage.run(() -> clients.replaceOne(Filters.eq(ID, client.id().value()), document,
                new ReplaceOptions().upsert(true)));
    }

    @Override
    public boolean delete(ClientId id) {
        return MongoStorage.call(() -> clients.deleteOne(Filters.eq(ID, id.value())).getDeletedCount() > 0);
    }

    @Override
    public List<Client> findAll() {
        List<Document> documents = MongoStorage.call(() -> clients.find().into(new ArrayList<>()));
        return documents.stream()
                .map(MongoClientRepository::fromDocument)
                .sorted(Comparator.comparing(c -> c.id().value()))
                .toList();
    }

    static Document toDocument(Client client) {
        Document document = new Document(ID, client.id().value());
        client.secretHash().ifPresent(hash -> document.put("secretHash", hash.encoded()));
        document.put("authMethods", client.authMethods().stream().map(AuthMethod::wire).sorted().toList());
        document.put("grantTypes", client.grantTypes().stream().map(GrantType::wire).sorted().toList());
        document.put("allowedScopes", Fields.scopes(client.allowedScopes()));
        document.put("defaultScopes", Fields.scopes(client.defaultScopes()));
        document.put("audience", client.audience());
        client.accessTokenTtl().ifPresent(ttl -> document.put("accessTokenTtl", ttl.toString()));
        document.put("redirectUris", client.redirectUris().stream().map(URI::toString).toList());
        return document;
    }

    static Client fromDocument(Document document) {
        Object id = document.get(ID);
        try {
            return new Client(
                    new ClientId(Fields.string(document, ID)),
                    Optional.ofNullable(document.getString("secretHash")).map(SecretHash::new),
                    Fields.strings(document, "authMethods").stream()
                            .map(wire -> AuthMethod.fromWire(wire).orElseThrow(
                                    () -> new IllegalStateException("unknown auth method " + wire)))
                            .collect(Collectors.toSet()),
                    Fields.strings(document, "grantTypes").stream()
                            .map(wire -> GrantType.fromWire(wire).orElseThrow(
                                    () -> new IllegalStateException("unknown grant type " + wire)))
                            .collect(Collectors.toSet()),
                    Fields.scopes(document, "allowedScopes"),
                    Fields.scopes(document, "defaultScopes"),
                    Fields.strings(document, "audience"),
                    Optional.ofNullable(document.getString("accessTokenTtl")).map(Duration::parse),
                    Fields.strings(document, "redirectUris").stream().map(URI::create).toList());
        } catch (RuntimeException e) {
            throw new IllegalStateException("stored client " + id + " cannot be read", e);
        }
    }
}
