package dev.portcullis.bootstrap.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads configuration: environment variables override system properties, which override the
 * YAML file, which overrides the defaults in {@link ConfigKey}.
 */
public final class ConfigLoader {

    /** Names the YAML file; without it, {@code portcullis.yaml} in the working directory is read if present. */
    public static final String CONFIG_FILE_VARIABLE = "PORTCULLIS_CONFIG";

    private ConfigLoader() {
    }

    public static Config load(Map<String, String> environment, Optional<Path> file) {
        Config.Builder builder = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(fromEnvironment(environment)).name("environment").build())
                .addSource(ConfigSources.systemProperties());
        file.ifPresent(path -> builder.addSource(ConfigSources.file(path).build()));
        return builder.addSource(ConfigSources.create(defaults()).name("defaults").build()).build();
    }

    /** The file named by {@value #CONFIG_FILE_VARIABLE}, else ./portcullis.yaml if it exists. */
    public static Optional<Path> configFile(Map<String, String> environment) {
        String named = environment.get(CONFIG_FILE_VARIABLE);
        if (named != null && !named.isBlank()) {
            Path path = Path.of(named);
            if (!Files.isReadable(path)) {
                throw new ConfigurationException(CONFIG_FILE_VARIABLE + " names " + path + ", which cannot be read");
            }
            return Optional.of(path);
        }
        Path local = Path.of("portcullis.yaml");
        return Files.isReadable(local) ? Optional.of(local) : Optional.empty();
    }

    private static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        for (ConfigKey key : ConfigKey.values()) {
            String value = environment.get(key.environmentVariable());
            if (value != null) {
                values.put(key.key(), value);
            }
        }
        return values;
    }

    private static Map<String, String> defaults() {
        Map<String, String> values = new HashMap<>();
        for (ConfigKey key : ConfigKey.values()) {
            values.put(key.key(), key.defaultValue());
        }
        return values;
    }
}
