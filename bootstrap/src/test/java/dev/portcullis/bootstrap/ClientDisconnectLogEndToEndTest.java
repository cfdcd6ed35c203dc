package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Clients that hang up (mid-headers, mid-body, or before their answer is written) are routine on the internet:
 * none may write a WARNING or a stack trace to the log (a disconnect is a DEBUG line at most). Before, each wrote
 * a WARNING or SEVERE record with a full stack trace: 1-3 KB of log for a 100-byte request.
 */
class ClientDisconnectLogEndToEndTest {

    private static final int PER_KIND = 13;
    private static final String FORM = "Content-Type: application/x-www-form-urlencoded\r\n";
    private static final String MYAPP = "Authorization: Basic bXlhcHA6c2VjcmV0\r\n"; // myapp:secret
    private static final String PASSWORD_GRANT = "grant_type=password&username=admin&password=secret";

    @Test
    void aHundredAbortedConnectionsWriteNoWarningAndNoStackTrace() throws Exception {
        Capture capture = new Capture();
        Logger root = Logger.getLogger("");
        try (RunningServer portcullis = RunningServer.start("SERVER_REQUEST_BODY_TIMEOUT", "1s",
                "SERVER_REQUEST_HEADER_TIMEOUT", "1s")) {
            root.addHandler(capture);
            int port = portcullis.server.port();
            for (int i = 0; i < PER_KIND; i++) {
                for (boolean reset : new boolean[] {true, false}) {
                    // the answer is written after the client left (bcrypt takes a while)
                    hangUp(port, reset, "POST /token HTTP/1.1\r\nHost: localhost\r\n" + FORM + MYAPP + "Content-Length: "
                            + PASSWORD_GRANT.length() + "\r\n\r\n" + PASSWORD_GRANT);
                    hangUp(port, reset, "POST /token HTTP/1.1\r\nHost: localhost\r\n" + FORM + MYAPP
                            + "Content-Length: 100\r\n\r\ngrant_type=");
                    hangUp(port, reset, "POST /token HTTP/1.1\r\nHost: localhost\r\n" + FORM);
                    hangUp(port, reset, "GET /jwks HTTP/1.1\r\nHost: localhost\r\n\r\n");
                }
            }
            Thread.sleep(2500); // past the timeouts, and the server has seen every reset
            assertThat(portcullis.get("/jwks").statusCode()).isEqualTo(200);
        } finally {
            root.removeHandler(capture);
        }

        List<LogRecord> loud = capture.records.stream()
                .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue() || r.getThrown() != null)
                .filter(r -> !r.getLoggerName().startsWith("dev.portcullis.bootstrap.DevProfile"))
                .toList();
        assertThat(loud).as("WARNING or stack traces for %d aborted connections: %s", 8 * PER_KIND,
                loud.stream().map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage() + " "
                        + r.getThrown()).toList()).isEmpty();
    }

    /** Sends {@code request} and closes at once, reading nothing: with a reset (SO_LINGER 0), or an orderly close. */
    private static void hangUp(int port, boolean reset, String request) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        if (reset) {
            socket.setSoLinger(true, 0);
        }
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        socket.close();
    }

    private static final class Capture extends Handler {
        final ConcurrentLinkedQueue<LogRecord> records = new ConcurrentLinkedQueue<>();

        Capture() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
