package dev.portcullis.bootstrap.observability;

import dev.portcullis.application.port.out.AuditTrail;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * The audit trail as log records of the {@value #LOGGER} logger at INFO: {@code event} (the type) and the event's
 * fields, written as JSON members with {@code logging.format: json}, as {@code name=value} pairs otherwise.
 */
public final class LoggingAuditTrail implements AuditTrail {

    public static final String LOGGER = "portcullis.audit";

    private static final Logger LOG = System.getLogger(LOGGER);

    @Override
    public void record(Event event) {
        if (LOG.isLoggable(Level.INFO)) {
            LOG.log(Level.INFO, "audit {0}", LogFields.event(event.type(), event.fields()));
        }
    }
}
