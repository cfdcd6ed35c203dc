package dev.portcullis.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The repository's documentation and sources as text, for the tests that hold docs and code to each other: README.md
 * and docs/*.md, the inline {@code code} spans they mention, and the audit event names the main sources record.
 */
public final class DocsText {

    /** The repository root: the tests run in a module directory. */
    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    /** A dotted lower-case string literal: an audit event's type, e.g. {@code "admin.client.created"}. */
    private static final Pattern DOTTED_LITERAL = Pattern.compile("\"([a-z]+(?:\\.[a-z_]+)+)\"");
    /** Dotted literals of the audit-recording sources that are not event types: a logger, a system property, a file. */
    private static final Set<String> NOT_EVENTS = Set.of("portcullis.audit", "user.name", "logging.properties");

    private DocsText() {
    }

    /** README.md, then docs/*.md by name. */
    public static List<Path> documents() {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            List<Path> all = new ArrayList<>(List.of(ROOT.resolve("README.md")));
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(all::add);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document, one after the other. */
    public static String allDocuments() {
        StringBuilder all = new StringBuilder();
        documents().forEach(d -> all.append(read(d)).append('\n'));
        return all.toString();
    }

    /** The inline code spans of {@code markdown}, without their backticks. */
    public static List<String> codeSpans(String markdown) {
        List<String> spans = new ArrayList<>();
        Matcher m = CODE_SPAN.matcher(markdown);
        while (m.find()) {
            spans.add(m.group(1));
        }
        return spans;
    }

    /** The text of the section that starts with the heading {@code heading} (e.g. {@code "## Metrics"}), up to the next of its level. */
    public static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        if (start < 0) {
            throw new AssertionError("no section " + heading);
        }
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = markdown.indexOf("\n" + level, start + heading.length() + 1);
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }

    /**
     * The audit event types the main sources record: the dotted string literals of every main source file that
     * records audit events (names {@code AuditTrail} or calls {@code .audit(}). Read from the sources, so that an
     * event added anywhere is seen without a list to keep.
     */
    public static Set<String> auditEventsInCode() {
        Set<String> events = new TreeSet<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path file : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory)
                    .flatMap(DocsText::javaFiles).toList()) {
                String source = read(file);
                if (!source.contains("AuditTrail") && !source.contains(".audit(")) {
                    continue;
                }
                Matcher m = DOTTED_LITERAL.matcher(source);
                while (m.find()) {
                    if (!NOT_EVENTS.contains(m.group(1))) {
                        events.add(m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    private static Stream<Path> javaFiles(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
