package dev.portcullis.bootstrap;

import dev.portcullis.application.port.out.AuditTrail;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.stream.Collectors;

/**
 * The audit trail as log records of the {@value #LOGGER} logger at INFO: the event type as the message and its
 * fields as parameters, so that the JSON log format can write them as fields and the text format as {@code k=v}.
 */
final class LoggingAuditTrail implements AuditTrail {

    static final String LOGGER = "portcullis.audit";

    private static final Logger LOG = System.getLogger(LOGGER);

    @Override
    public void record(Event event) {
        if (LOG.isLoggable(Level.INFO)) {
            LOG.log(Level.INFO, "{0} {1}", event.type(), event.fields().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
        }
    }
}
