package dev.portcullis.adapters.mongo;

import com.mongodb.client.model.Filters;
import dev.portcullis.domain.scope.Scope;
import dev.portcullis.domain.scope.ScopeSet;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * How values are written into and read from documents, by hand.
 *
 * <p>Instants: a BSON date holds milliseconds, so an instant is stored as the date of its
 * millisecond ({@code expiresAt}) plus, when there is one, the rest below the millisecond in an int
 * field ({@code expiresAtNanos}); it reads back exactly, and the date alone serves queries and TTL
 * indexes. Expiry queries therefore match on the millisecond ({@link #unexpiredAt}) and the adapter
 * decides the last sub-millisecond exactly on the document it got back.
 */
final class Fields {

    static final String ID = "_id";
    static final String EXPIRES_AT = "expiresAt";
    static final String FAMILY = "family";

    private static final String NANOS = "Nanos";

    private Fields() {}

    static void putInstant(Document document, String name, Instant instant) {
        document.put(name, new Date(instant.toEpochMilli()));
        int belowMilli = instant.getNano() % 1_000_000;
        if (belowMilli != 0) {
            document.put(name + NANOS, belowMilli);
        }
    }

    static void putInstant(Document document, String name, Optional<Instant> instant) {
        instant.ifPresent(i -> putInstant(document, name, i));
    }

    static Instant instant(Document document, String name) {
        Date date = document.get(name, Date.class);
        if (date == null) {
            throw new IllegalStateException("missing date field " + name);
        }
        Integer belowMilli = document.get(name + NANOS, Integer.class);
        return Instant.ofEpochMilli(date.getTime()).plusNanos(belowMilli == null ? 0 : belowMilli);
    }

    static Optional<Instant> optionalInstant(Document document, String name) {
        return document.containsKey(name) ? Optional.of(instant(document, name)) : Optional.empty();
    }

    /**
     * Matches documents whose {@code expiresAt} may still lie after {@code now}: every unexpired one,
     * and those expiring within {@code now}'s own millisecond, which the caller then checks exactly.
     */
    static Bson unexpiredAt(Instant now) {
        return Filters.gte(EXPIRES_AT, new Date(now.toEpochMilli()));
    }

    static String string(Document document, String name) {
        String value = document.getString(name);
        if (value == null) {
            throw new IllegalStateException("missing string field " + name);
        }
        return value;
    }

    static List<String> strings(Document document, String name) {
        List<String> values = document.getList(name, String.class);
        if (values == null) {
            throw new IllegalStateException("missing array field " + name);
        }
        return values;
    }

    static List<String> scopes(ScopeSet scopes) {
        return scopes.scopes().stream().map(Scope::value).toList();
    }

    static ScopeSet scopes(Document document, String name) {
        return ScopeSet.of(strings(document, name).stream().map(Scope::new).toList());
    }
}
