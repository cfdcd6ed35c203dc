package dev.portcullis.bootstrap.observability;

import dev.portcullis.application.port.out.AuditTrail;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;

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
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("event", event.type());
            fields.putAll(event.fields());
            LOG.log(Level.INFO, "audit {0}", LogFields.of(fields));
        }
    }
}
