package dev.portcullis.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same rules, run over {@code dev.portcullis.archfixture}: a small tree that breaks each rule on
 * purpose. Every rule must report its violation there, so none of them can pass vacuously.
 */
class ArchitectureRulesCatchViolationsTest {

    private static final String FIXTURE = "dev.portcullis.archfixture";
    private static JavaClasses fixture;
    private final ArchitectureRules rules = new ArchitectureRules(FIXTURE);

    @BeforeAll
    static void importFixture() {
        fixture = new ClassFileImporter().importPackages(FIXTURE);
    }

    @Test
    void aDomainClassUsingAFrameworkIsCaught() {
        assertViolation(rules.domainIsPureJava(), "DomainUsingJackson");
    }

    @Test
    void anApplicationClassUsingAnAdapterIsCaught() {
        assertViolation(rules.applicationSeesOnlyTheDomain(), "ServiceUsingAnAdapter");
    }

    @Test
    void anAdapterImportingAnotherIsCaught() {
        assertViolation(rules.adaptersDoNotKnowEachOther(), "AlphaUsingBeta");
    }

    @Test
    void aNonBootstrapClassKnowingAnAdapterIsCaught() {
        assertViolation(rules.onlyBootstrapKnowsAdapters(), "ServiceUsingAnAdapter");
    }

    @Test
    void aPackageCycleIsCaught() {
        assertViolation(rules.noPackageCycles(), "BetaUsingAlpha");
    }

    @Test
    void aConcretePortIsCaught() {
        assertViolation(rules.drivenPortsAreInterfaces(), "ConcretePort");
    }

    @Test
    void aServiceWithoutAUseCaseIsCaught() {
        assertViolation(rules.servicesImplementUseCases(), "LonelyService");
    }

    @Test
    void aClassInPortInThatIsNoUseCaseIsCaught() {
        assertViolation(rules.useCasesLiveInPortIn(), "HelperInPortIn");
    }

    @Test
    void anAdapterUsingTheBootstrapIsCaught() {
        assertViolation(rules.adaptersDoNotKnowTheBootstrap(), "AdapterUsingBootstrap");
    }

    @Test
    void aUseCaseImplementedOutsideTheServicesIsCaught() {
        assertViolation(rules.useCaseImplementationsLiveInTheServicePackage(), "UseCaseOutsideTheServices");
    }

    @Test
    void aRouteUsingAServiceIsCaught() {
        assertViolation(rules.httpRoutesCallOnlyUseCases(), "RouteUsingAService");
    }

    @Test
    void printingToStandardOutIsCaught() {
        assertViolation(rules.noStandardStreams(), "PrintingAdapter");
    }

    @Test
    void throwingAGenericExceptionIsCaught() {
        assertViolation(rules.noGenericExceptions(), "GenericThrower");
    }

    @Test
    void fieldInjectionIsCaught() {
        assertViolation(rules.noFieldInjection(), "FieldInjected");
    }

    private static void assertViolation(ArchRule rule, String offender) {
        EvaluationResult result = rule.evaluate(fixture);
        assertThat(result.hasViolation()).as("%s should be violated", rule.getDescription()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line).contains(offender));
    }
}
