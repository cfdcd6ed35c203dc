package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.http.protocol.Paths;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** /openapi against the routes of the real server: every documented operation is served, every served one documented. */
class OpenApiDocumentTest {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private static RunningServer portcullis;
    private static Map<String, Map<String, Object>> paths;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void start() {
        // every optional endpoint on, so that each documented operation can be probed
        portcullis = RunningServer.start("REGISTRATION_ENABLED", "true", "REGISTRATION_INITIAL_ACCESS_TOKEN", "x".repeat(32));
        HttpResponse<String> served = portcullis.get("/openapi");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/yaml");
        assertThat(served.body()).isEqualTo(new String(OpenApiDocument.yaml(), StandardCharsets.UTF_8));
        Map<String, Object> document = new Yaml().load(served.body());
        assertThat(document.get("openapi").toString()).startsWith("3.");
        paths = (Map<String, Map<String, Object>>) document.get("paths");
    }

    @AfterAll
    static void stop() {
        portcullis.close();
    }

    /** A concrete path for a template: path parameters become names that exist in the dev profile. */
    private static String concrete(String template) {
        return template.replace("{id}", "myapp").replace("{username}", "admin");
    }

    private static HttpResponse<String> call(String method, String path) {
        HttpRequest.BodyPublisher body = method.equals("get") || method.equals("delete") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString("");
        return portcullis.send(HttpRequest.newBuilder(portcullis.uri(path)).method(method.toUpperCase(java.util.Locale.ROOT), body)
                .build());
    }

    private static Set<String> documented() {
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, item) -> item.keySet().stream().filter(METHODS::contains).forEach(m -> operations.add(m + " " + path)));
        return operations;
    }

    @Test
    void everyDocumentedOperationIsServed() {
        assertThat(documented()).hasSizeGreaterThan(20);
        List<String> missing = new ArrayList<>();
        for (String operation : documented()) {
            String[] parts = operation.split(" ", 2);
            int status = call(parts[0], concrete(parts[1])).statusCode();
            if (status == 404 || status == 405) {
                missing.add(operation + " -> " + status);
            }
        }
        assertThat(missing).as("documented but not served").isEmpty();
    }

    @Test
    void everyServedRouteIsDocumented() throws IllegalAccessException {
        Set<String> known = new TreeSet<>(List.of("/metrics", "/openapi"));
        for (Field field : Paths.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                known.add((String) field.get(null));
            }
        }
        assertThat(known).contains("/token", "/admin/clients/{id}/secret");
        List<String> undocumented = new ArrayList<>();
        for (String path : known) {
            for (String method : METHODS) {
                int status = call(method, concrete(path)).statusCode();
                boolean served = status != 404 && status != 405;
                if (served && !documented().contains(method + " " + path)) {
                    undocumented.add(method + " " + path + " -> " + status);
                }
            }
        }
        assertThat(undocumented).as("served but not documented").isEmpty();
    }

    @Test
    void theProbeTellsServedFromUnserved() {
        assertThat(call("get", "/no-such-route").statusCode()).isEqualTo(404);
        assertThat(call("delete", "/token").statusCode()).isEqualTo(405);
    }
}
