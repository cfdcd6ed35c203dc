package dev.portcullis.adapters.http.authorize;

import dev.portcullis.adapters.http.edge.FormBody;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads a bounded {@code application/x-www-form-urlencoded} UTF-8 body, strictly ({@link FormBody}). */
final class FormPost {

    private FormPost() {
    }

    sealed interface Result {
    }

    record Form(FormBody form) implements Result {
    }

    record TooLarge() implements Result {
    }

    /** @param reason for the log */
    record NotAForm(String reason) implements Result {
    }

    static Result read(ServerRequest req, int maxBytes) {
        OptionalLong declared = req.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > maxBytes) {
            return new TooLarge();
        }
        if (!isFormUtf8(req.headers().first(HeaderNames.CONTENT_TYPE))) {
            return new NotAForm("content type is not application/x-www-form-urlencoded in UTF-8");
        }
        byte[] body;
        InputStream in = req.content().inputStream(); // what is left unread, Helidon drains after the response
        try {
            body = in.readNBytes(maxBytes + 1);
        } catch (IllegalArgumentException e) {
            // Helidon parses chunk sizes while the body is read: a bad one is the client's error, not ours
            return new NotAForm("the body's chunked framing is malformed");
        } catch (IOException e) {
            throw new UncheckedIOException("reading a form body", e);
        }
        if (body.length > maxBytes) {
            return new TooLarge();
        }
        return switch (FormBody.parse(body)) {
            case FormBody.Malformed malformed -> new NotAForm("form body: " + malformed.reason());
            case FormBody.Parsed parsed -> new Form(parsed.form());
        };
    }

    /** {@code application/x-www-form-urlencoded}, with no charset or charset UTF-8 (case-insensitive). */
    static boolean isFormUtf8(Optional<String> contentType) {
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
}
