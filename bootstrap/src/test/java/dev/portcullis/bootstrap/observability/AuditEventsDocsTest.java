package dev.portcullis.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.bootstrap.DocsText;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The audit events docs/operations.md lists (the "Audit log" entry; {@code admin.user.created|updated} names two) and
 * the ones the code records, read from the main sources: the same set.
 */
class AuditEventsDocsTest {

    static Set<String> documented() {
        String logs = DocsText.section(DocsText.read(DocsText.ROOT.resolve("docs/operations.md")), "## Logs");
        int start = logs.indexOf("- **Audit log**");
        assertThat(start).as("the Audit log entry of docs/operations.md#logs").isNotNegative();
        String entry = logs.substring(start).split("\n- |\n\n", 2)[0]; // up to the next entry or paragraph
        Set<String> events = new TreeSet<>();
        for (String span : DocsText.codeSpans(entry)) {
            if (!span.matches("[a-z]+(\\.[a-z_|]+)+") || span.startsWith("portcullis.")) {
                continue; // a field name, or the logger's
            }
            String[] alternatives = span.split("\\|");
            String stem = alternatives[0].substring(0, alternatives[0].lastIndexOf('.') + 1);
            events.add(alternatives[0]);
            for (int i = 1; i < alternatives.length; i++) {
                events.add(stem + alternatives[i]);
            }
        }
        return events;
    }

    @Test
    void theDocsListExactlyTheAuditEventsTheCodeRecords() {
        Set<String> recorded = DocsText.auditEventsInCode();
        assertThat(recorded).as("read from the sources").contains("token.issued", "admin.key.rotated");

        assertThat(documented()).as("docs/operations.md, Audit log").isEqualTo(recorded);
    }
}
