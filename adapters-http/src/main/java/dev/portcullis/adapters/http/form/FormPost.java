package dev.portcullis.adapters.http.form;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the form body of an OAuth endpoint's POST ({@code /token}, {@code /revoke}, {@code /introspect}),
 * checking in order: declared size, content type ({@code application/x-www-form-urlencoded}, UTF-8),
 * actual size, form syntax.
 */
public final class FormPost {

    /** Largest body an endpoint accepts: its requests are a handful of short parameters. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private FormPost() {
    }

    public sealed interface Result {
    }

    public record Read(FormBody form) implements Result {
        public Read {
            Objects.requireNonNull(form, "form");
        }
    }

    /** Answer 413; {@code reason} is for the log. */
    public record TooLarge(String reason) implements Result {
    }

    /** Answer 400 {@code invalid_request}; {@code reason} is for the log and never echoes the body. */
    public record Malformed(String reason) implements Result {
    }

    public static Result read(ServerRequest req) {
        OptionalLong declared = req.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > MAX_BODY_BYTES) {
            return new TooLarge("Content-Length " + declared.getAsLong());
        }
        if (!isFormUtf8(req.headers().first(HeaderNames.CONTENT_TYPE))) {
            return new Malformed("content type is not application/x-www-form-urlencoded in UTF-8");
        }
        Optional<byte[]> body;
        try {
            body = readBounded(req, declared);
        } catch (IllegalArgumentException e) {
            // Helidon parses chunk sizes as the body is read: a bad one is the client's error (400), not ours (500)
            return new Malformed("the body's chunked framing is malformed");
        }
        if (body.isEmpty()) {
            return new TooLarge("body read beyond " + MAX_BODY_BYTES + " bytes");
        }
        return switch (FormBody.parse(body.get())) {
            case FormBody.Malformed malformed -> new Malformed("form body: " + malformed.reason());
            case FormBody.Parsed parsed -> new Read(parsed.form());
        };
    }

    /** {@code application/x-www-form-urlencoded}, with no charset or charset UTF-8 (case-insensitive). */
    public static boolean isFormUtf8(Optional<String> contentType) {
        if (contentType.isEmpty()) {
            return false;
        }
        String[] parts = contentType.get().split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/x-www-form-urlencoded")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip();
            int eq = param.indexOf('=');
            if (eq < 0) {
                return false;
            }
            String name = param.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = param.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (name.equals("charset") && !value.equalsIgnoreCase("utf-8")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads at most {@link #MAX_BODY_BYTES}; empty when the body is longer (a chunked body declares
     * no length). What is left unread, Helidon drains after the response, up to the server-wide limit.
     * A declared length (already checked against the limit) is read as such: {@code readNBytes} sizes its buffer
     * by what it is asked for, and asking for the limit would allocate 16 KiB for every ~70-byte token request.
     */
    private static Optional<byte[]> readBounded(ServerRequest req, OptionalLong declared) {
        InputStream in = req.content().inputStream();
        try {
            byte[] bytes = in.readNBytes(declared.isPresent() ? (int) declared.getAsLong() : MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body", e);
        }
    }
}
