package dev.portcullis.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.portcullis.bootstrap.DocsText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md names every port and module the code has, and names nothing the code lacks: the ports are
 * read from the classes (use cases in {@code application.port.in}, driven ports in {@code application.port.out}),
 * the modules from the reactor pom, as {@code ConfigurationDocsTest} does for the configuration keys.
 */
class ArchitectureDocsTest {

    private static final String PORT_IN = "dev.portcullis.application.port.in";
    private static final String PORT_OUT = "dev.portcullis.application.port.out";
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    /** A table row: its first column (a module, or empty under the module above) and its package. */
    private static final Pattern ROW = Pattern.compile("(?m)^\\| (`[^`]+`)? *\\| `([^`]+)` \\|(.*)$");
    private static final Pattern TYPE_NAME = Pattern.compile("@?([A-Z][a-z][A-Za-z0-9]*)(\\(.*\\))?");
    /** Type names the document may name that are no production class of ours, each for a reason. */
    private static final Set<String> NOT_OURS = Set.of(
            "PropertyTest", "Gen",   // the seeded property-test runner, in the domain module's tests
            "ArchitectureDocsTest",  // this test
            "GeneralCodingRules",    // ArchUnit's
            "FuzzTest");             // Jazzer's annotation

    private static JavaClasses production;
    private static String doc;

    @BeforeAll
    static void read() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.portcullis");
        doc = DocsText.read(DocsText.ROOT.resolve(Path.of("docs", "architecture.md")));
    }

    @Test
    void everyPortIsNamed() {
        assertThat(unnamed(ports(PORT_IN))).as("use cases in %s that docs/architecture.md does not name", PORT_IN).isEmpty();
        assertThat(unnamed(ports(PORT_OUT))).as("driven ports in %s that docs/architecture.md does not name", PORT_OUT)
                .isEmpty();
    }

    @Test
    void everyNameInThePortRowsIsAPortOfThatPackage() {
        assertThat(namesInRow(PORT_IN)).as("names in the %s row", PORT_IN).isSubsetOf(ports(PORT_IN)).isNotEmpty();
        assertThat(namesInRow(PORT_OUT)).as("names in the %s row", PORT_OUT).isSubsetOf(ports(PORT_OUT)).isNotEmpty();
    }

    @Test
    void theModuleTableIsTheReactor() {
        Set<String> reactor = new TreeSet<>();
        Matcher module = MODULE.matcher(DocsText.read(DocsText.ROOT.resolve("pom.xml")));
        while (module.find()) {
            reactor.add(module.group(1));
        }
        Set<String> documented = new TreeSet<>();
        Matcher row = ROW.matcher(doc);
        while (row.find()) {
            if (row.group(1) != null) {
                documented.add(row.group(1).replace("`", ""));
            }
        }
        assertThat(reactor).isNotEmpty();
        assertThat(documented).as("the modules of docs/architecture.md's table").isEqualTo(reactor);
    }

    /** Every type the document names ({@code `TokenRoutes`}, {@code `Rejected(error, reason)`}) is a class of ours. */
    @Test
    void everyTypeTheDocumentNamesExists() {
        Set<String> classes = production.stream().map(JavaClass::getSimpleName).collect(Collectors.toSet());
        List<String> unknown = new ArrayList<>();
        for (String span : DocsText.codeSpans(doc)) {
            Matcher type = TYPE_NAME.matcher(span);
            if (type.matches() && !classes.contains(type.group(1)) && !NOT_OURS.contains(type.group(1))) {
                unknown.add(span);
            }
        }
        assertThat(unknown).as("types docs/architecture.md names that no class has").isEmpty();
    }

    /** The ports of a package: its top-level interfaces that are not sealed (a sealed one is a result type). */
    private static Set<String> ports(String packageName) {
        Set<String> ports = production.stream()
                .filter(c -> c.getPackageName().equals(packageName) || c.getPackageName().startsWith(packageName + "."))
                .filter(c -> c.isTopLevelClass() && c.isInterface() && !c.reflect().isSealed())
                .map(JavaClass::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(ports).as("ports in %s", packageName).isNotEmpty();
        return ports;
    }

    private static List<String> unnamed(Set<String> ports) {
        return ports.stream().filter(p -> !doc.contains("`" + p + "`")).toList();
    }

    private static Set<String> namesInRow(String packageName) {
        Matcher row = ROW.matcher(doc);
        while (row.find()) {
            if (row.group(2).equals(packageName)) {
                return DocsText.codeSpans(row.group(3)).stream().filter(s -> TYPE_NAME.matcher(s).matches())
                        .collect(Collectors.toCollection(TreeSet::new));
            }
        }
        throw new AssertionError("docs/architecture.md has no row for " + packageName);
    }
}
