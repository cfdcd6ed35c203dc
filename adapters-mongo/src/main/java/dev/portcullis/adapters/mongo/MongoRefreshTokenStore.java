package dev.portcullis.adapters.mongo;

import static dev.portcullis.adapters.mongo.Fields.EXPIRES_AT;
import static dev.portcullis.adapters.mongo.Fields.FAMILY;
import static dev.portcullis.adapters.mongo.Fields.ID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.portcullis.application.port.out.RefreshTokenStore;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.refresh.FamilyId;
import dev.portcullis.domain.refresh.RefreshToken;
import dev.portcullis.domain.refresh.RefreshToken.State;
import dev.portcullis.domain.refresh.Rotation;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.token.TokenId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Refresh tokens in the {@code refresh_tokens} collection, keyed by the token's hash, indexed by
 * family, deleted by a TTL index on {@code expiresAt} (the idle limit):
 * <pre>{@code
 * { _id: "<sha-256 of the token>", family, clientId, subject, roles: [], scope: [],
 *   issuedAt: ISODate, expiresAt: ISODate, familyExpiresAt: ISODate, (each with an optional ...Nanos: int)
 *   accessTokenId, state: "ACTIVE" | "ROTATED" | "REVOKED" }
 * }</pre>
 * A rotation is decided by one {@code findOneAndUpdate} from ACTIVE to ROTATED: of concurrent
 * callers on any number of nodes exactly one matches. Only a caller that matched nothing reads
 * the token, once, to tell reuse from an unknown token. No transaction is needed.
 */
public final class MongoRefreshTokenStore implements RefreshTokenStore {

    private static final String STATE = "state";
    /** Passes of a family revocation, each catching successors stored during the previous one. */
    private static final int MAX_REVOCATION_PASSES = 10;

    private final MongoCollection<Document> tokens;

    public MongoRefreshTokenStore(MongoStorage storage) {
        this.tokens = storage.collection(MongoStorage.REFRESH_TOKENS);
    }

    @Override
    public void save(RefreshToken token) {
        Document document = toDocument(token);
        MongoStorage.run(() -> tokens.replaceOne(Filters.eq(ID, token.hash().value()), document,
                new ReplaceOptions().upsert(true)));
    }

    @Override
    public Optional<RefreshToken> find(OpaqueTokenHash hash, Instant now) {
        Document document = MongoStorage.call(() ->
                tokens.find(Filters.and(Filters.eq(ID, hash.value()), Fields.unexpiredAt(now))).first());
        return Optional.ofNullable(document)
                .map(MongoRefreshTokenStore::fromDocument)
                .filter(token -> now.isBefore(token.expiresAt()));
    }

    /**
     * Stores the successor first, then decides with one {@code findOneAndUpdate}; a caller that did
     * not win deletes its successor again. So no failure leaves a rotated token without its
     * successor, and a family revocation that overlaps the rotation always finds the successor
     * (see {@link #revokeFamily}). Nobody holds a successor's plaintext before this returns, so it
     * is unusable while it waits.
     */
    @Override
    public Rotation rotate(OpaqueTokenHash presented, RefreshToken successor, Instant now) {
        save(successor);
        Document before = MongoStorage.call(() -> tokens.findOneAndUpdate(
                Filters.and(Filters.eq(ID, presented.value()), Filters.eq(STATE, State.ACTIVE.name()),
                        Fields.unexpiredAt(now)),
                Updates.set(STATE, State.ROTATED.name()),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE)));
        Rotation rotation = before == null ? reuseOrUnknown(presented, now) : rotated(fromDocument(before), now);
        if (!(rotation instanceof Rotation.Rotated)) {
            MongoStorage.run(() -> tokens.deleteOne(Filters.eq(ID, successor.hash().value())));
        }
        return rotation;
    }

    private static Rotation rotated(RefreshToken previous, Instant now) {
        // the query matches on the millisecond; a token expiring within now's own millisecond is
        // unusable, and marking it rotated changed nothing that matters
        return now.isBefore(previous.expiresAt()) ? new Rotation.Rotated(previous) : new Rotation.Unknown();
    }

    /** The one read after a rotation that matched nothing: a rotated or revoked token is reuse. */
    private Rotation reuseOrUnknown(OpaqueTokenHash presented, Instant now) {
        Optional<RefreshToken> current = find(presented, now);
        if (current.isPresent() && current.get().state() != State.ACTIVE) {
            return new Rotation.Reused(current.get());
        }
        return new Rotation.Unknown();
    }

    /**
     * Revokes in passes until one finds nothing left to revoke, then returns every member. A
     * rotation overlapping the revocation stored its successor before marking its presented token
     * rotated; the pass that revokes that presented token therefore modifies something, so another
     * pass follows, which starts after the successor exists and revokes it too.
     */
    @Override
    public List<RefreshToken> revokeFamily(FamilyId family) {
        for (int pass = 0; pass < MAX_REVOCATION_PASSES; pass++) {
            long revoked = MongoStorage.call(() -> tokens.updateMany(
                    Filters.and(Filters.eq(FAMILY, family.value()), Filters.ne(STATE, State.REVOKED.name())),
                    Updates.set(STATE, State.REVOKED.name())).getModifiedCount());
            if (revoked == 0) {
                break;
            }
        }
        List<Document> documents = MongoStorage.call(() ->
                tokens.find(Filters.eq(FAMILY, family.value())).into(new ArrayList<>()));
        return documents.stream().map(MongoRefreshTokenStore::fromDocument).toList();
    }

    static Document toDocument(RefreshToken token) {
        Document document = new Document(ID, token.hash().value())
                .append(FAMILY, token.family().value())
                .append("clientId", token.clientId().value())
                .append("subject", token.subject())
                .append("roles", token.roles())
                .append("scope", Fields.scopes(token.scope()));
        Fields.putInstant(document, "issuedAt", token.issuedAt());
        Fields.putInstant(document, EXPIRES_AT, token.expiresAt());
        Fields.putInstant(document, "familyExpiresAt", token.familyExpiresAt());
        return document
                .append("accessTokenId", token.accessTokenId().value())
                .append(STATE, token.state().name());
    }

    static RefreshToken fromDocument(Document document) {
        try {
            return new RefreshToken(
                    new OpaqueTokenHash(Fields.string(document, ID)),
                    new FamilyId(Fields.string(document, FAMILY)),
                    new ClientId(Fields.string(document, "clientId")),
                    Fields.string(document, "subject"),
                    Fields.strings(document, "roles"),
                    Fields.scopes(document, "scope"),
                    Fields.instant(document, "issuedAt"),
                    Fields.instant(document, EXPIRES_AT),
                    Fields.instant(document, "familyExpiresAt"),
                    new TokenId(Fields.string(document, "accessTokenId")),
                    State.valueOf(Fields.string(document, STATE)));
        } catch (RuntimeException e) {
            throw new IllegalStateException("a stored refresh token cannot be read", e);
        }
    }
}
