package dev.portcullis.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.http.error.EdgeErrorHandling;
import dev.portcullis.adapters.http.support.Reply;
import dev.portcullis.adapters.http.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * An unexpected error is one ERROR line with a reference that the 500 answer carries too; the stack trace of a
 * cause is logged at most once a minute, however often it recurs.
 */
class UnexpectedErrorLogHttpTest {

    @Test
    void aRecurringBugLogsOneLinePerRequestAndOneStackTrace() {
        Logger logger = Logger.getLogger(EdgeErrorHandling.class.getName());
        Capture capture = new Capture();
        logger.addHandler(capture);
        List<String> references = new ArrayList<>();
        try (TestServer server = TestServer.start()) {
            server.issueToken.answer(r -> {
                throw new IllegalStateException("a bug on every request");
            });
            for (int i = 0; i < 5; i++) {
                Reply reply = server.postForm("/token", "grant_type=client_credentials", "Authorization",
                        "Basic bXlhcHA6c2VjcmV0");
                assertThat(reply.status()).isEqualTo(500);
                assertThat(reply.error()).isEqualTo("server_error");
                String description = reply.json().get("error_description").asText();
                assertThat(description).matches(".*\\(reference [0-9a-f]{8}\\)");
                references.add(description.substring(description.length() - 9, description.length() - 1));
            }
        } finally {
            logger.removeHandler(capture);
        }

        List<LogRecord> errors = capture.records.stream().filter(r -> r.getLevel() == Level.SEVERE).toList();
        assertThat(errors).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(errors.get(i).getMessage()).contains(references.get(i)).contains("IllegalStateException");
        }
        assertThat(errors).filteredOn(r -> r.getThrown() != null).as("one stack trace").hasSize(1);
        assertThat(references).doesNotHaveDuplicates();
    }

    private static final class Capture extends Handler {
        final ConcurrentLinkedQueue<LogRecord> records = new ConcurrentLinkedQueue<>();

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
