package dev.portcullis.bootstrap.config;

import dev.portcullis.domain.scope.ScopeSet;
import io.helidon.config.Config;
import java.util.Locale;
import java.util.Optional;

/**
 * Logs, metrics and the management port.
 *
 * @param format       how every log record is written: one line of text, or one JSON object per line
 * @param accessLog    one record per HTTP request on the {@code portcullis.access} logger
 * @param metrics      Prometheus metrics at {@code /metrics}
 * @param metricsScope what a bearer token needs for {@code /metrics} on the public port
 * @param management   the port that serves {@code /metrics} (to anyone who reaches it) and the health probes, if any
 */
public record ObservabilitySettings(LogFormat format, boolean accessLog, boolean metrics, ScopeSet metricsScope,
                                    Optional<Management> management) {

    public enum LogFormat { TEXT, JSON }

    /** @param host empty: the address the server listens on ({@code server.host}) */
    public record Management(Optional<String> host, int port) {}

    static ObservabilitySettings from(Config config) {
        String format = text(config, ConfigKey.LOGGING_FORMAT).trim().toLowerCase(Locale.ROOT);
        LogFormat parsed = switch (format) {
            case "text" -> LogFormat.TEXT;
            case "json" -> LogFormat.JSON;
            default -> throw new ConfigurationException(ConfigKey.LOGGING_FORMAT.key() + " must be text or json");
        };
        ScopeSet metricsScope = ScopeSet.parse(text(config, ConfigKey.METRICS_SCOPE).trim()).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new ConfigurationException(ConfigKey.METRICS_SCOPE.key()
                        + " must be one or more space-delimited scopes"));
        return new ObservabilitySettings(parsed, bool(config, ConfigKey.LOGGING_ACCESS_LOG),
                bool(config, ConfigKey.METRICS_ENABLED), metricsScope, management(config));
    }

    private static Optional<Management> management(Config config) {
        String port = text(config, ConfigKey.MANAGEMENT_PORT).trim();
        if (port.isEmpty()) {
            return Optional.empty();
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 0 || number > 65535) {
            throw new ConfigurationException(ConfigKey.MANAGEMENT_PORT.key() + " must be a port number, not '" + port + "'");
        }
        if (number != 0 && port.equals(text(config, ConfigKey.SERVER_PORT).trim())) {
            throw new ConfigurationException(ConfigKey.MANAGEMENT_PORT.key() + " must differ from " + ConfigKey.SERVER_PORT.key()
                    + ": leave it empty to serve /metrics on the public port, to bearers of " + ConfigKey.METRICS_SCOPE.key());
        }
        String host = text(config, ConfigKey.MANAGEMENT_HOST).trim();
        return Optional.of(new Management(host.isEmpty() ? Optional.empty() : Optional.of(host), number));
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
