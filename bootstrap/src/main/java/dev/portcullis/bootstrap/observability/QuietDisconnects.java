package dev.portcullis.bootstrap.observability;

import dev.portcullis.adapters.http.error.ClientDisconnects;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Helidon logs a client hanging up mid-request as a WARNING with a full stack trace, from several places on the way
 * out (the failed read, the 500 it then tries to write, the connection's end). On its loggers, such a record becomes
 * one DEBUG (FINE) line without the trace, written only where FINE is on; any other record passes unchanged.
 */
final class QuietDisconnects implements Filter {

    /** The loggers that report disconnects; held here, as JUL keeps loggers only weakly. */
    private static final List<Logger> LOGGERS = List.of(
            Logger.getLogger("io.helidon.webserver.ConnectionHandler"),
            Logger.getLogger("io.helidon.webserver.http.DirectHandlers"),
            Logger.getLogger("io.helidon.webserver.http.ErrorHandlers"),
            Logger.getLogger("io.helidon.webserver.http1.Http1Connection"),
            Logger.getLogger("io.helidon.webserver.http1.Http1ServerResponse"));

    private static final QuietDisconnects INSTANCE = new QuietDisconnects();

    private QuietDisconnects() {
    }

    /** Idempotent; again after Helidon re-reads its logging configuration. */
    static void install() {
        for (Logger logger : LOGGERS) {
            logger.setFilter(INSTANCE);
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        Throwable thrown = record.getThrown();
        if (thrown == null || !ClientDisconnects.isDisconnect(thrown)) {
            return true;
        }
        if (!Logger.getLogger(record.getLoggerName()).isLoggable(Level.FINE)) {
            return false;
        }
        record.setLevel(Level.FINE);
        record.setMessage(record.getMessage() + " (client disconnected: " + thrown + ")");
        record.setThrown(null);
        return true;
    }
}
