package dev.portcullis.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md documents every key, with its variable and default, exactly as the code reads it. */
class ConfigurationDocsTest {

    @Test
    void everyKeyIsDocumentedWithItsVariableAndDefault() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "configuration.md"));
        for (ConfigKey key : ConfigKey.values()) {
            String defaultValue = key.defaultValue().isEmpty() ? "(empty)" : "`" + key.defaultValue() + "`";
            assertThat(docs).contains("| `" + key.key() + "` | `" + key.environmentVariable() + "` | " + defaultValue + " |");
        }
    }
}
