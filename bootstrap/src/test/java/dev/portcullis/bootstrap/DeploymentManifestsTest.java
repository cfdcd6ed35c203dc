package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.bootstrap.config.ConfigKey;
import dev.portcullis.bootstrap.config.ConfigLoader;
import dev.portcullis.bootstrap.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of the deployment files without Docker or a cluster: they parse, they describe the intended
 * topology, and every variable they set is one Portcullis reads, with a value it accepts.
 */
class DeploymentManifestsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> KNOWN_VARIABLES = Arrays.stream(ConfigKey.values()).map(ConfigKey::environmentVariable)
            .collect(Collectors.toSet());

    private static String read(String path) throws IOException {
        return Files.readString(ROOT.resolve(path));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        return (List<Object>) node;
    }

    private static String key() {
        return Base64.getEncoder().encodeToString(new byte[32]);
    }

    @Test
    void composeRunsThreeNodesOverAMongoReplicaSetAndRedisBehindALoadBalancer() throws IOException {
        Map<String, Object> services = map(map(new Yaml().load(read("deploy/compose.yaml"))).get("services"));

        assertThat(services).containsKeys("mongo-1", "mongo-2", "mongo-3", "mongo-init", "redis", "portcullis-1", "portcullis-2",
                "portcullis-3", "lb");
        for (String mongo : List.of("mongo-1", "mongo-2", "mongo-3")) {
            assertThat(list(map(services.get(mongo)).get("command"))).containsSequence("--replSet", "rs0");
        }
        String init = String.join(" ", list(map(services.get("mongo-init")).get("command")).stream().map(String::valueOf).toList());
        assertThat(init).contains("rs.initiate").contains("mongo-1:27017").contains("mongo-2:27017").contains("mongo-3:27017");
        assertThat(map(map(map(services.get("portcullis-1")).get("depends_on")).get("mongo-init")).get("condition"))
                .isEqualTo("service_completed_successfully");

        for (String node : List.of("portcullis-1", "portcullis-2", "portcullis-3")) {
            Map<String, Object> service = map(services.get(node));
            assertThat(map(service.get("build")).get("dockerfile")).isEqualTo("Dockerfile");
            Map<String, String> env = new HashMap<>();
            map(service.get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
            assertThat(KNOWN_VARIABLES).as("every variable is one Portcullis reads").containsAll(env.keySet());
            assertThat(env.get("MONGO_URI")).contains("mongo-1:27017,mongo-2:27017,mongo-3:27017").contains("replicaSet=rs0");
            assertThat(env).containsEntry("STORAGE_TYPE", "mongo").containsEntry("REVOCATION_TYPE", "redis")
                    .containsEntry("PORTCULLIS_PROFILE", "prod").containsKeys("KEYS_ENCRYPTION_KEY", "AUTHORIZE_SESSION_KEY");
            env.put("KEYS_ENCRYPTION_KEY", key()); // compose interpolates these from the operator's environment
            env.put("AUTHORIZE_SESSION_KEY", key());
            Settings settings = Settings.from(ConfigLoader.load(env, Optional.empty()));
            assertThat(settings.storage().type()).isEqualTo(Settings.Backend.MONGO);
            assertThat(settings.observability().management()).as("/metrics off the load-balanced port").isPresent();
        }

        String nginx = read("deploy/nginx.conf");
        assertThat(list(map(services.get("lb")).get("volumes")).toString()).contains("./nginx.conf:/etc/nginx/nginx.conf");
        Matcher upstream = Pattern.compile("upstream portcullis \\{([^}]*)}").matcher(nginx);
        assertThat(upstream.find()).isTrue();
        assertThat(upstream.group(1)).contains("server portcullis-1:8080").contains("server portcullis-2:8080")
                .contains("server portcullis-3:8080");
        assertThat(nginx).contains("proxy_pass http://portcullis;").doesNotContain("$request_uri").doesNotContain("$args");
    }

    @Test
    void kubernetesRunsThreeReplicasProbedOnHealthWithConfigAndSecrets() throws IOException {
        Path dir = ROOT.resolve("deploy/k8s");
        Map<String, Object> kustomization = map(new Yaml().load(read("deploy/k8s/kustomization.yaml")));
        List<String> resources = list(kustomization.get("resources")).stream().map(String::valueOf).toList();
        List<String> files;
        try (var stream = Files.list(dir)) {
            files = stream.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
                    .sorted().toList();
        }
        assertThat(resources).containsExactlyInAnyOrderElementsOf(files);

        Map<String, Map<String, Object>> byKind = new HashMap<>();
        for (String file : files) {
            for (Object doc : new Yaml().loadAll(read("deploy/k8s/" + file))) {
                Map<String, Object> manifest = map(doc);
                assertThat(manifest).containsKeys("apiVersion", "kind", "metadata");
                byKind.put(String.valueOf(manifest.get("kind")), manifest);
            }
        }
        assertThat(byKind).containsKeys("Deployment", "Service", "ConfigMap", "Secret");

        Map<String, Object> spec = map(byKind.get("Deployment").get("spec"));
        assertThat(spec.get("replicas")).isEqualTo(3);
        Map<String, Object> pod = map(map(spec.get("template")).get("spec"));
        assertThat(map(pod.get("securityContext")).get("runAsNonRoot")).isEqualTo(true);
        Map<String, Object> container = map(list(pod.get("containers")).get(0));
        assertThat(map(map(container.get("readinessProbe")).get("httpGet")).get("path")).isEqualTo("/health/ready");
        assertThat(map(map(container.get("livenessProbe")).get("httpGet")).get("path")).isEqualTo("/health/live");
        List<String> envFrom = new ArrayList<>();
        for (Object ref : list(container.get("envFrom"))) {
            map(ref).values().forEach(v -> envFrom.add(String.valueOf(map(v).get("name"))));
        }
        assertThat(envFrom).containsExactlyInAnyOrder(name(byKind.get("ConfigMap")), name(byKind.get("Secret")));

        Map<String, Object> selector = map(map(byKind.get("Service").get("spec")).get("selector"));
        assertThat(map(map(map(spec.get("template")).get("metadata")).get("labels"))).containsAllEntriesOf(selector);

        Map<String, String> env = new HashMap<>();
        map(byKind.get("ConfigMap").get("data")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        Map<String, Object> secrets = map(byKind.get("Secret").get("stringData"));
        assertThat(secrets).containsOnlyKeys("KEYS_ENCRYPTION_KEY", "AUTHORIZE_SESSION_KEY");
        assertThat(KNOWN_VARIABLES).containsAll(env.keySet()).containsAll(secrets.keySet());
        env.put("KEYS_ENCRYPTION_KEY", key());
        env.put("AUTHORIZE_SESSION_KEY", key());
        Settings settings = Settings.from(ConfigLoader.load(env, Optional.empty()));
        assertThat(settings.server().port()).isEqualTo(8080);
        int management = settings.observability().management().orElseThrow().port();
        Map<String, Object> annotations = map(map(map(spec.get("template")).get("metadata")).get("annotations"));
        assertThat(annotations).as("Prometheus scrapes the management port, the only one serving /metrics")
                .containsEntry("prometheus.io/port", String.valueOf(management));
        assertThat(list(container.get("ports"))).anySatisfy(port -> assertThat(map(port)).containsEntry("containerPort", management));
    }

    private static String name(Map<String, Object> manifest) {
        return String.valueOf(map(manifest.get("metadata")).get("name"));
    }

    @Test
    void theImageIsBuiltInOneStageAndRunsOnAJreAsANonRootUser() throws IOException {
        List<String> lines = read("Dockerfile").lines().map(String::strip).filter(l -> !l.startsWith("#")).toList();
        List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(froms).hasSize(2);
        assertThat(froms.get(0)).contains(" AS build");
        Matcher jre = Pattern.compile("FROM eclipse-temurin:(\\d+)-jre").matcher(froms.get(1));
        assertThat(jre.find()).as(froms.get(1)).isTrue();
        assertThat(Integer.parseInt(jre.group(1))).isGreaterThanOrEqualTo(21);
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertThat(user).doesNotContain("root").doesNotMatch("USER 0(:.*)?");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ENTRYPOINT").contains("\"@jvm.options\"").contains("\"-jar\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("COPY jvm.options"));
        assertThat(Files.exists(ROOT.resolve("jvm.options"))).isTrue();
    }
}
