package dev.portcullis.bootstrap;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi}: the hand-written OpenAPI 3 document of every endpoint ({@value #RESOURCE}), served as it
 * is. {@code OpenApiDocumentTest} keeps it in step with the routes the server actually serves.
 */
final class OpenApiDocument {

    static final String PATH = "/openapi";
    static final String RESOURCE = "/portcullis/openapi.yaml";

    private OpenApiDocument() {
    }

    static byte[] yaml() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void routing(HttpRouting.Builder routing) {
        byte[] document = yaml();
        routing.get(PATH, (req, res) -> {
            res.status(Status.OK_200);
            res.header(HeaderValues.create(HeaderNames.CONTENT_TYPE, "application/yaml; charset=utf-8"));
            res.send(document);
        });
    }
}
