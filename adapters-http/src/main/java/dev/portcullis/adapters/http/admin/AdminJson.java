package dev.portcullis.adapters.http.admin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.adapters.http.error.ErrorResponse;
import dev.portcullis.application.port.in.admin.AdminResult;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads admin and registration request bodies (one JSON object, at most {@value #MAX_BODY_BYTES} bytes, no duplicate
 * keys, nothing after it) and writes admin errors.
 */
final class AdminJson {

    static final int MAX_BODY_BYTES = 16 * 1024;

    /**
     * One JSON value and nothing else: a duplicate key (at any depth) or content after the object is refused, not
     * resolved by a rule of our parser that another reader of the same bytes (a proxy, a WAF, an audit log) may not
     * share (RFC 8259 §4: names SHOULD be unique; RFC 7159 §9 leaves duplicates to the parser).
     */
    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private AdminJson() {
    }

    /** A field the operator sent wrong: answered 400 with this message, which names the field, never its value. */
    static final class BadField extends RuntimeException {
        BadField(String message) {
            super(message, null, false, false);
        }
    }

    /** The body as a JSON object with any fields; empty when refused (the answer is sent). */
    static Optional<ObjectNode> readAny(ServerRequest req, ServerResponse res) {
        return read(req, res, Optional.empty());
    }

    /** The body as a JSON object with only {@code allowed} fields; empty when refused (the answer is sent). */
    static Optional<ObjectNode> readObject(ServerRequest req, ServerResponse res, Set<String> allowed) {
        return read(req, res, Optional.of(allowed));
    }

    private static Optional<ObjectNode> read(ServerRequest req, ServerResponse res, Optional<Set<String>> allowed) {
        if (req.headers().contentLength().orElse(0) > MAX_BODY_BYTES) {
            error(res, Status.REQUEST_ENTITY_TOO_LARGE_413, "invalid_request", "the body is larger than " + MAX_BODY_BYTES + " bytes");
            return Optional.empty();
        }
        String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("").toLowerCase(Locale.ROOT);
        if (!type.split(";")[0].strip().equals("application/json")) {
            error(res, Status.UNSUPPORTED_MEDIA_TYPE_415, "invalid_request", "the body must be application/json");
            return Optional.empty();
        }
        byte[] body;
        try (InputStream in = req.content().inputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body", e);
        }
        if (body.length > MAX_BODY_BYTES) {
            error(res, Status.REQUEST_ENTITY_TOO_LARGE_413, "invalid_request", "the body is larger than " + MAX_BODY_BYTES + " bytes");
            return Optional.empty();
        }
        JsonNode node;
        try (JsonParser parser = READER.createParser(body)) {
            node = READER.readTree(parser);
            if (node != null && !atEnd(parser)) {
                error(res, Status.BAD_REQUEST_400, "invalid_request", "the body is not valid JSON: there is content after "
                        + "the JSON object");
                return Optional.empty();
            }
        } catch (IOException e) {
            error(res, Status.BAD_REQUEST_400, "invalid_request", "the body is not valid JSON" + why(e));
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            error(res, Status.BAD_REQUEST_400, "invalid_request", "the body must be a JSON object");
            return Optional.empty();
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (allowed.isPresent() && !allowed.get().contains(name)) {
                error(res, Status.BAD_REQUEST_400, "invalid_request", "unknown field: " + printable(name));
                return Optional.empty();
            }
        }
        return Optional.of((ObjectNode) node);
    }

    static Optional<String> string(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new BadField(field + " must be a string");
        }
        return Optional.of(node.asText());
    }

    static Optional<List<String>> strings(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw new BadField(field + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new BadField(field + " must be an array of strings");
            }
            out.add(item.asText());
        }
        return Optional.of(out);
    }

    static Optional<Long> positiveInteger(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() <= 0) {
            throw new BadField(field + " must be a positive integer");
        }
        return Optional.of(node.asLong());
    }

    static Optional<Boolean> bool(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            throw new BadField(field + " must be true or false");
        }
        return Optional.of(node.asBoolean());
    }

    /** Each string parsed by {@code parse}; an IllegalArgumentException of the parser becomes a BadField. */
    static <T> List<T> each(List<String> values, String field, Function<String, T> parse) {
        List<T> out = new ArrayList<>();
        for (String value : values) {
            try {
                out.add(parse.apply(value));
            } catch (IllegalArgumentException e) {
                throw new BadField(field + ": " + e.getMessage());
            }
        }
        return out;
    }

    static void error(ServerResponse res, Status status, String error, String description) {
        ErrorResponse.of(status, error, description).send(res);
    }

    /** The HTTP answer of a rejection: 400 invalid_request, 404 not_found, 409 conflict. */
    static void rejected(ServerResponse res, AdminResult.Rejected<?> rejected) {
        switch (rejected.rejection()) {
            case INVALID, INVALID_REDIRECT_URI -> error(res, Status.BAD_REQUEST_400, "invalid_request", rejected.message());
            case NOT_FOUND -> error(res, Status.NOT_FOUND_404, "not_found", rejected.message());
            case CONFLICT -> error(res, Status.CONFLICT_409, "conflict", rejected.message());
        }
    }

    /** Whether only whitespace follows the value: anything else, even another valid value, is refused. */
    private static boolean atEnd(JsonParser parser) {
        try {
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    /** What is wrong, when it is a duplicate key; never the parser's message, which quotes the body. */
    private static String why(IOException e) {
        return e instanceof StreamReadException && e.getMessage() != null && e.getMessage().startsWith("Duplicate field")
                ? ": a duplicate field name" : "";
    }

    private static String printable(String name) {
        String cut = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        return cut.codePoints().allMatch(c -> c >= 0x20 && c < 0x7F) ? cut : "(not printable)";
    }
}
