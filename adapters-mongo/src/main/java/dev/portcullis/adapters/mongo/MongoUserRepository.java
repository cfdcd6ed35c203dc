package dev.portcullis.adapters.mongo;

import static dev.portcullis.adapters.mongo.Fields.ID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.portcullis.application.port.out.UserRepository;
import dev.portcullis.domain.secret.SecretHash;
import dev.portcullis.domain.user.User;
import dev.portcullis.domain.user.Username;
import java.util.Optional;
import org.bson.Document;

/**
 * Users in the {@code users} collection, keyed by the exact username (no case folding or Unicode
 * normalisation: that is the domain's business):
 * <pre>{@code { _id: "zoë", passwordHash: "$argon2id$...", roles: ["user"], status: "ENABLED" } }</pre>
 */
public final class MongoUserRepository implements UserRepository {

    private final MongoCollection<Document> users;

    public MongoUserRepository(MongoStorage storage) {
        this.users = storage.collection(MongoStorage.USERS);
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        Document document = MongoStorage.call(() -> users.find(Filters.eq(ID, username.value())).first());
        return Optional.ofNullable(document).map(MongoUserRepository::fromDocument);
    }

    @Override
    public void save(User user) {
        Document document = new Document(ID, user.username().value())
                .append("passwordHash", user.passwordHash().encoded())
                .append("roles", user.roles())
                .append("status", user.status().name());
        MongoStorage.run(() -> users.replaceOne(Filters.eq(ID, user.username().value()), document,
                new ReplaceOptions().upsert(true)));
    }

    @Override
    public boolean delete(Username username) {
        return MongoStorage.call(() -> users.deleteOne(Filters.eq(ID, username.value())).getDeletedCount() > 0);
    }

    static User fromDocument(Document document) {
        try {
            return new User(
                    new Username(Fields.string(document, ID)),
                    new SecretHash(Fields.string(document, "passwordHash")),
                    Fields.strings(document, "roles"),
                    User.Status.valueOf(Fields.string(document, "status")));
        } catch (RuntimeException e) {
            throw new IllegalStateException("stored user " + document.get(ID) + " cannot be read", e);
        }
    }
}
