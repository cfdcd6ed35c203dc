package dev.portcullis.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.bootstrap.DocsText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md documents every key, with its variable and default, exactly as the code reads it; and the
 * reverse: every key or variable any document names is one the code reads.
 */
class ConfigurationDocsTest {

    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| `([^`]+)` \\| `([^`]+)` \\|");
    private static final Pattern KEY_LIKE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+");
    private static final Pattern VARIABLE_LIKE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");
    /** Dotted names in the docs that are not keys although they start like one: the loggers. */
    private static final Set<String> NOT_KEYS = Set.of("portcullis.access", "portcullis.audit", "portcullis.access.level");
    /** A file's name (portcullis.jar, logging.properties, portcullis.yaml …), not a key. */
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(jar|properties|ya?ml|conf|md|options|lua|json|txt|sh)");
    /** Variables the docs name that are not configuration keys, each read by something else. */
    private static final Set<String> OTHER_VARIABLES = Set.of(
            "PORTCULLIS_CONFIG", // the configuration file's path (ConfigLoader)
            "JAVA_HOME",         // ./dev and the launcher
            "MONGODB_URI",       // the adapters-mongo tests' real MongoDB
            "CHROME_BIN",        // the browser test's Chromium
            "JAZZER_FUZZ");      // Jazzer's switch from replaying to fuzzing (architecture.md, security.md)

    @Test
    void everyKeyIsDocumentedWithItsVariableAndDefault() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "configuration.md"));
        for (ConfigKey key : ConfigKey.values()) {
            String defaultValue = key.defaultValue().isEmpty() ? "(empty)" : "`" + key.defaultValue() + "`";
            assertThat(docs).contains("| `" + key.key() + "` | `" + key.environmentVariable() + "` | " + defaultValue + " |");
        }
    }

    @Test
    void everyRowOfTheTableIsAKeyTheCodeReads() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "configuration.md"));
        Set<String> keys = Arrays.stream(ConfigKey.values()).map(k -> k.key() + " " + k.environmentVariable())
                .collect(Collectors.toSet());
        List<String> unknown = new ArrayList<>();
        Matcher row = TABLE_ROW.matcher(docs);
        while (row.find()) {
            if (!keys.contains(row.group(1) + " " + row.group(2))) {
                unknown.add(row.group(1) + " / " + row.group(2));
            }
        }
        assertThat(unknown).as("rows of docs/configuration.md that name no ConfigKey").isEmpty();
    }

    /**
     * Every configuration key or variable mentioned in any document ({@code `login.max-failures`},
     * {@code `KEYS_ENCRYPTION_KEY=...`}) exists. A dotted name counts as a key when its first part is the first part
     * of a key ({@code token.}, {@code storage.} …), unless it is an audit event ({@code token.issued}).
     */
    @Test
    void everyKeyAndVariableTheDocsMentionExists() {
        Set<String> keys = Arrays.stream(ConfigKey.values()).map(ConfigKey::key).collect(Collectors.toSet());
        Set<String> firstParts = keys.stream().map(k -> k.split("\\.")[0]).collect(Collectors.toSet());
        Set<String> variables = Arrays.stream(ConfigKey.values()).map(ConfigKey::environmentVariable).collect(Collectors.toSet());
        Set<String> auditEvents = DocsText.auditEventsInCode();
        List<String> unknown = new ArrayList<>();
        for (Path document : DocsText.documents()) {
            for (String span : DocsText.codeSpans(DocsText.read(document))) {
                String name = span.split("[=: ]", 2)[0];
                if (KEY_LIKE.matcher(name).matches() && firstParts.contains(name.substring(0, name.indexOf('.')))
                        && !keys.contains(name) && !NOT_KEYS.contains(name) && !auditEvents.contains(name)
                        && !FILE_NAME.matcher(name).matches()) {
                    unknown.add(DocsText.ROOT.relativize(document) + ": " + name);
                }
                if (VARIABLE_LIKE.matcher(name).matches() && !variables.contains(name) && !OTHER_VARIABLES.contains(name)) {
                    unknown.add(DocsText.ROOT.relativize(document) + ": " + name);
                }
            }
        }
        assertThat(unknown).as("configuration keys or variables the docs name that the code does not read").isEmpty();
    }
}
