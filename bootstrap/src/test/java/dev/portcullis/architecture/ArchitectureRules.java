package dev.portcullis.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The rules of DESIGN.md, written against a root package so that the same rules can be shown to
 * catch violations in a deliberately bad fixture tree (see {@code ArchitectureRulesCatchViolationsTest}).
 */
final class ArchitectureRules {

    private final String root;

    ArchitectureRules(String root) {
        this.root = root;
    }

    ArchRule domainIsPureJava() {
        return noClasses().that().resideInAPackage(root + ".domain..")
                .should().dependOnClassesThat().resideOutsideOfPackages(root + ".domain..", "java..")
                .because("the domain is plain Java: no framework, no other layer");
    }

    ArchRule applicationSeesOnlyTheDomain() {
        return noClasses().that().resideInAPackage(root + ".application..")
                .should().dependOnClassesThat()
                .resideOutsideOfPackages(root + ".application..", root + ".domain..", "java..")
                .because("use cases and ports know no framework or adapter");
    }

    ArchRule adaptersDoNotKnowEachOther() {
        return slices().matching(root + ".adapters.(*)..").should().notDependOnEachOther()
                .because("adapters are swappable only if none imports another");
    }

    ArchRule onlyBootstrapKnowsAdapters() {
        return noClasses().that().resideOutsideOfPackages(root + ".adapters..", root + ".bootstrap..")
                .should().dependOnClassesThat().resideInAPackage(root + ".adapters..")
                .because("only the bootstrap wires concrete adapters");
    }

    ArchRule noPackageCycles() {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    ArchRule drivenPortsAreInterfaces() {
        return classes().that().resideInAPackage(root + ".application.port.out..").and().areTopLevelClasses()
                .and(not(throwables()))
                .should().beInterfaces()
                .because("driven ports are interfaces in application.port.out");
    }

    ArchRule servicesImplementUseCases() {
        return classes().that().resideInAPackage(root + ".application.service..")
                .and().haveSimpleNameEndingWith("Service")
                .should().implement(useCaseInterface())
                .because("each application service implements one use case from application.port.in");
    }

    ArchRule useCasesLiveInPortIn() {
        return classes().that().resideInAPackage(root + ".application.port.in..").and().areTopLevelClasses()
                .should().beInterfaces().orShould().beRecords().orShould().beEnums()
                .because("application.port.in holds use case interfaces and their request/result values "
                        + "(records, and enums for closed sets such as ClientAuthenticationFailure)");
    }

    List<ArchRule> all() {
        return List.of(domainIsPureJava(), applicationSeesOnlyTheDomain(), adaptersDoNotKnowEachOther(),
                onlyBootstrapKnowsAdapters(), noPackageCycles(), drivenPortsAreInterfaces(),
                servicesImplementUseCases(), useCasesLiveInPortIn());
    }

    private DescribedPredicate<JavaClass> useCaseInterface() {
        return DescribedPredicate.describe("a use case interface in " + root + ".application.port.in",
                c -> c.isInterface() && c.getPackageName().startsWith(root + ".application.port.in"));
    }

    private static DescribedPredicate<JavaClass> throwables() {
        return DescribedPredicate.describe("throwables", c -> c.isAssignableTo(Throwable.class));
    }

    private static DescribedPredicate<JavaClass> not(DescribedPredicate<JavaClass> predicate) {
        return DescribedPredicate.not(predicate);
    }
}
