package dev.portcullis.bootstrap.config;

import io.helidon.config.Config;
import java.util.Locale;

/**
 * Logs and metrics.
 *
 * @param format    how every log record is written: one line of text, or one JSON object per line
 * @param accessLog one record per HTTP request on the {@code portcullis.access} logger
 * @param metrics   Prometheus metrics at {@code /metrics}
 */
public record ObservabilitySettings(LogFormat format, boolean accessLog, boolean metrics) {

    public enum LogFormat { TEXT, JSON }

    static ObservabilitySettings from(Config config) {
        String format = text(config, ConfigKey.LOGGING_FORMAT).trim().toLowerCase(Locale.ROOT);
        LogFormat parsed = switch (format) {
            case "text" -> LogFormat.TEXT;
            case "json" -> LogFormat.JSON;
            default -> throw new ConfigurationException(ConfigKey.LOGGING_FORMAT.key() + " must be text or json");
        };
        return new ObservabilitySettings(parsed, bool(config, ConfigKey.LOGGING_ACCESS_LOG), bool(config, ConfigKey.METRICS_ENABLED));
    }

    private static boolean bool(Config config, ConfigKey key) {
        String value = text(config, key).trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigurationException(key.key() + " must be true or false");
        };
    }

    private static String text(Config config, ConfigKey key) {
        return config.get(key.key()).asString().orElse(key.defaultValue());
    }
}
