package dev.portcullis.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DESIGN.md's rules over the production classes of every module. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/archfixture/"))
                .withImportOption(location -> !location.contains("-tests.jar")) // test-jars on the test classpath
                .importPackages("dev.portcullis");
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHolds() {
        return new ArchitectureRules("dev.portcullis").all().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(production)));
    }

    /** A rule over an empty package passes vacuously; make sure every layer the rules name is there. */
    @ParameterizedTest
    @ValueSource(strings = {
        "dev.portcullis.domain", "dev.portcullis.application.port.in", "dev.portcullis.application.port.out",
        "dev.portcullis.application.service", "dev.portcullis.adapters.memory", "dev.portcullis.adapters.jose",
        "dev.portcullis.adapters.crypto", "dev.portcullis.adapters.http", "dev.portcullis.adapters.mongo",
        "dev.portcullis.adapters.redis", "dev.portcullis.bootstrap"})
    void everyLayerTheRulesNameHasClasses(String packageName) {
        assertThat(production.stream().filter(c -> c.getPackageName().startsWith(packageName)))
                .as("classes in %s", packageName).isNotEmpty();
    }

    @Test
    void theImportSeesTheAdaptersFromTheirOwnModules() {
        ArchRule rule = new ArchitectureRules("dev.portcullis").onlyBootstrapKnowsAdapters();
        assertThat(rule.evaluate(production).hasViolation()).isFalse();
        assertThat(production.stream().map(c -> c.getSource().map(s -> s.getUri().toString()).orElse("")))
                .anySatisfy(uri -> assertThat(uri).contains("adapters-jose"));
    }
}
