package dev.portcullis.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.bootstrap.DocsText;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.grant.GrantType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md's metrics and the meters a node exposes, both ways: every metric and label value the code
 * registers is documented, and every metric, label and label value the docs name exists. The code side is the
 * scrape of a {@link Metrics} with every meter registered (those registered on first use too: a token of each
 * grant, every backend port timed), so a meter added in the code is seen without a list to keep.
 */
class MetricsDocsTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)\\{([^}]*)} ");
    private static final Pattern LABEL = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");
    private static final Pattern METRIC_NAME = Pattern.compile("portcullis_[a-z_]+");
    /** Labels whose values are an open set, or a set the docs name elsewhere: they are checked below, not listed. */
    private static final Set<String> OPEN_LABELS = Set.of("le", "client_id");

    /** Metric family → label → values, as the code exposes them. */
    static Map<String, Map<String, Set<String>>> exposed() throws Exception {
        Metrics metrics = new Metrics();
        for (GrantType grant : GrantType.values()) {
            metrics.tokenIssued(grant, new ClientId("any"));
        }
        TimedPorts timed = new TimedPorts(metrics);
        for (Method wrap : TimedPorts.class.getDeclaredMethods()) {
            if (Modifier.isPublic(wrap.getModifiers()) && wrap.getParameterCount() == 1) {
                wrap.invoke(timed, (Object) null); // the timers are registered when a port is wrapped
            }
        }
        Map<String, Map<String, Set<String>>> families = new TreeMap<>();
        for (String line : metrics.scrape().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.find()) {
                continue;
            }
            Map<String, Set<String>> labels = families.computeIfAbsent(family(sample.group(1)), f -> new TreeMap<>());
            Matcher label = LABEL.matcher(sample.group(2));
            while (label.find()) {
                labels.computeIfAbsent(label.group(1), l -> new TreeSet<>()).add(label.group(2));
            }
        }
        return families;
    }

    /** A histogram's series share its name; the docs name the histogram. */
    private static String family(String sample) {
        return sample.replaceAll("_(bucket|count|sum|max)$", "");
    }

    private static String metricsSection() {
        return DocsText.section(DocsText.read(DocsText.ROOT.resolve("docs/operations.md")), "## Metrics");
    }

    @Test
    void theCodeSideIsNotEmpty() throws Exception {
        assertThat(exposed()).containsKeys("portcullis_tokens_issued_total", "portcullis_backend_latency_seconds",
                "portcullis_http_server_requests_seconds");
    }

    @Test
    void everyMetricAndLabelValueOfTheCodeIsDocumented() throws Exception {
        String section = metricsSection();
        List<String> spans = DocsText.codeSpans(section);
        String allDocs = DocsText.allDocuments();
        List<String> missing = new ArrayList<>();
        exposed().forEach((family, labels) -> {
            if (!spans.contains(family)) {
                missing.add(family);
            }
            labels.forEach((label, values) -> {
                if (!spans.contains(label) && !label.equals("le")) { // le: the histograms' buckets
                    missing.add(family + " label " + label);
                }
                if (OPEN_LABELS.contains(label)) {
                    return;
                }
                for (String value : values) {
                    // endpoints are the routes of api.md, errors the OAuth error codes the docs' tables name
                    boolean documented = label.equals("endpoint") || label.equals("error")
                            ? Pattern.compile("[`= ]" + Pattern.quote(value) + "(?![\\w/-])").matcher(allDocs).find()
                            : spans.contains(value);
                    if (!documented) {
                        missing.add(family + "{" + label + "=\"" + value + "\"}");
                    }
                }
            });
        });
        assertThat(missing).as("exposed by a node but not in docs/operations.md#metrics").isEmpty();
    }

    @Test
    void everyMetricTheDocsNameExists() throws Exception {
        Set<String> families = exposed().keySet();
        List<String> unknown = new ArrayList<>();
        Matcher m = METRIC_NAME.matcher(DocsText.allDocuments());
        while (m.find()) {
            if (!families.contains(family(m.group()))) {
                unknown.add(m.group());
            }
        }
        assertThat(unknown).as("metrics the docs name that no node exposes").isEmpty();
    }

    /** In the metrics table and the backend table, every label name and value named belongs to that row's metric. */
    @Test
    void everyLabelValueTheDocsNameExists() throws Exception {
        Map<String, Map<String, Set<String>>> exposed = exposed();
        List<String> unknown = new ArrayList<>();
        for (String row : metricsSection().split("\n")) {
            List<String> cells = List.of(row.split("\\|"));
            if (cells.size() < 4) {
                continue;
            }
            List<String> first = DocsText.codeSpans(cells.get(1));
            if (first.size() == 1 && exposed.containsKey(first.get(0))) {
                Map<String, Set<String>> labels = exposed.get(first.get(0));
                for (String named : DocsText.codeSpans(cells.get(2))) {
                    boolean known = labels.containsKey(named) || labels.values().stream().anyMatch(v -> v.contains(named));
                    if (!known) {
                        unknown.add(first.get(0) + ": " + named);
                    }
                }
            }
            Map<String, Set<String>> backend = exposed.get("portcullis_backend_latency_seconds");
            if (first.size() == 1 && !row.startsWith("| `portcullis_") && !first.get(0).equals("backend")
                    && row.contains("` | `")) {
                if (!backend.get("backend").contains(first.get(0))) {
                    unknown.add("backend " + first.get(0));
                }
                for (String operation : DocsText.codeSpans(cells.get(2))) {
                    if (!backend.get("operation").contains(operation) && !operation.contains(".")) {
                        unknown.add("backend " + first.get(0) + " operation " + operation);
                    }
                }
            }
        }
        assertThat(unknown).as("label names or values in docs/operations.md#metrics that the code does not expose").isEmpty();
    }
}
