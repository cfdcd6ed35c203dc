package dev.portcullis.adapters.mongo;

import static dev.portcullis.adapters.mongo.Fields.EXPIRES_AT;
import static dev.portcullis.adapters.mongo.Fields.ID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.portcullis.application.port.out.AuthorizationCodeStore;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.code.PkceChallenge;
import dev.portcullis.domain.code.Redemption;
import dev.portcullis.domain.refresh.FamilyId;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.token.TokenId;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Codes in the {@code authorization_codes} collection, keyed by the code's hash, deleted by a TTL
 * index on {@code expiresAt}:
 * <pre>{@code
 * { _id: "<sha-256 of the code>", clientId, redirectUri, challenge, subject, roles: [], scope: [],
 *   expiresAt: ISODate, expiresAtNanos?: int, accessTokenId, refreshFamily, redeemed: false }
 * }</pre>
 * A redemption is one {@code findOneAndUpdate} that sets {@code redeemed} and returns the document
 * as it was before: whether it was already set decides Redeemed or Replayed, so of any number of
 * concurrent callers on any number of nodes exactly one redeems.
 */
public final class MongoAuthorizationCodeStore implements AuthorizationCodeStore {

    private static final String REDEEMED = "redeemed";

    private final MongoCollection<Document> codes;

    public MongoAuthorizationCodeStore(MongoStorage storage) {
        this.codes = storage.collection(MongoStorage.AUTHORIZATION_CODES);
    }

    /** Inserts the code, or rewrites its fields; a code already redeemed stays redeemed. */
    @Override
    public void save(AuthorizationCode code) {
        Document fields = toDocument(code);
        fields.remove(ID);
        List<Bson> updates = new ArrayList<>();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            updates.add(Updates.set(field.getKey(), field.getValue()));
        }
        if (!fields.containsKey(EXPIRES_AT + "Nanos")) {
            updates.add(Updates.unset(EXPIRES_AT + "Nanos"));
        }
        updates.add(Updates.setOnInsert(REDEEMED, false));
        MongoStorage.run(() -> codes.updateOne(Filters.eq(ID, code.hash().value()), Updates.combine(updates),
                new UpdateOptions().upsert(true)));
    }

    @Override
    public Redemption redeem(OpaqueTokenHash hash, Instant now) {
        Document before = MongoStorage.call(() -> codes.findOneAndUpdate(
                Filters.and(Filters.eq(ID, hash.value()), Fields.unexpiredAt(now)),
                Updates.set(REDEEMED, true),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE)));
        if (before == null) {
            return new Redemption.Unknown();
        }
        AuthorizationCode code = fromDocument(before);
        if (code.isExpiredAt(now)) {
            // expired within now's own millisecond: marking it redeemed changed nothing that matters
            return new Redemption.Unknown();
        }
        return Boolean.TRUE.equals(before.getBoolean(REDEEMED))
                ? new Redemption.Replayed(code)
                : new Redemption.Redeemed(code);
    }

    static Document toDocument(AuthorizationCode code) {
        Document document = new Document(ID, code.hash().value())
                .append("clientId", code.clientId().value())
                .append("redirectUri", code.redirectUri().toString())
                .append("challenge", code.challenge().value())
                .append("subject", code.subject())
                .append("roles", code.roles())
                .append("scope", Fields.scopes(code.scope()));
        Fields.putInstant(document, EXPIRES_AT, code.expiresAt());
        return document
                .append("accessTokenId", code.accessTokenId().value())
                .append("refreshFamily", code.refreshFamily().value());
    }

    static AuthorizationCode fromDocument(Document document) {
        try {
            return new AuthorizationCode(
                    new OpaqueTokenHash(Fields.string(document, ID)),
                    new ClientId(Fields.string(document, "clientId")),
                    URI.create(Fields.string(document, "redirectUri")),
                    new PkceChallenge(Fields.string(document, "challenge")),
                    Fields.string(document, "subject"),
                    Fields.strings(document, "roles"),
                    Fields.scopes(document, "scope"),
                    Fields.instant(document, EXPIRES_AT),
                    new TokenId(Fields.string(document, "accessTokenId")),
                    new FamilyId(Fields.string(document, "refreshFamily")));
        } catch (RuntimeException e) {
            throw new IllegalStateException("a stored authorization code cannot be read", e);
        }
    }
}
