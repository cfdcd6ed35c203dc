package dev.portcullis.adapters.mongo;

import static dev.portcullis.adapters.mongo.Fields.EXPIRES_AT;
import static dev.portcullis.adapters.mongo.Fields.ID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.domain.token.TokenId;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bson.Document;

/**
 * Revoked token ids in the {@code revoked_tokens} collection, deleted by a TTL index once the
 * token would have expired anyway: {@code { _id: "<jti>", expiresAt: ISODate }}.
 *
 * <p>{@code expiresAt} is the revocation's end rounded up to the millisecond, so a revocation may
 * outlast its instant by less than a millisecond, never fall short of it. A second revocation of
 * the same id only ever extends the first ({@code $max}). Writes are acknowledged by a majority of
 * the replica set: {@link #revoke} returns once the revocation survives a failover.
 */
public final class MongoRevocationList implements RevocationList {

    private final MongoCollection<Document> revoked;
    private final Clock clock;

    public MongoRevocationList(MongoStorage storage, Clock clock) {
        this.revoked = storage.collection(MongoStorage.REVOKED_TOKENS);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void revoke(TokenId id, Instant until) {
        if (!clock.instant().isBefore(until)) {
            return;
        }
        Date end = new Date(ceilingMillis(until));
        MongoStorage.run(() -> revoked.updateOne(Filters.eq(ID, id.value()), Updates.max(EXPIRES_AT, end),
                new UpdateOptions().upsert(true)));
    }

    @Override
    public boolean isRevoked(TokenId id) {
        Date now = new Date(clock.instant().toEpochMilli());
        return MongoStorage.call(() -> revoked
                .find(Filters.and(Filters.eq(ID, id.value()), Filters.gt(EXPIRES_AT, now)))
                .projection(Projections.include(ID))
                .first()) != null;
    }

    private static long ceilingMillis(Instant instant) {
        long millis = instant.toEpochMilli();
        return instant.getNano() % 1_000_000 == 0 ? millis : millis + 1;
    }
}
