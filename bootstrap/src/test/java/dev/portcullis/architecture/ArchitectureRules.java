package dev.portcullis.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
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

    ArchRule adaptersDoNotKnowTheBootstrap() {
        return noClasses().that().resideInAPackage(root + ".adapters..")
                .should().dependOnClassesThat().resideInAPackage(root + ".bootstrap..")
                .because("the bootstrap wires adapters; an adapter that reached back into it would make the wiring a layer");
    }

    ArchRule useCaseImplementationsLiveInTheServicePackage() {
        return classes().that().implement(useCaseInterface()).and().areTopLevelClasses()
                .and().resideOutsideOfPackage(root + ".application.port.in..")
                .should().resideInAPackage(root + ".application.service..")
                .because("a use case is implemented once, by an application service; decorators elsewhere (the "
                        + "bootstrap's metrics) wrap it as lambdas or nested classes. The results in port.in implement "
                        + "its sealed result interfaces and are values, not implementations");
    }

    ArchRule httpRoutesCallOnlyUseCases() {
        return noClasses().that().resideInAPackage(root + ".adapters.http..")
                .should().dependOnClassesThat(applicationOutsidePortIn())
                .because("routes drive the application through its use cases (application.port.in) only. Allowed "
                        + "driven-port types: BackendUnavailableException (an outage, answered 503), "
                        + "BackendProbe.Criticality (part of port.in's CheckReadiness.BackendStatus) and AuditTrail "
                        + "(the admin routes audit who changed what; to move behind the admin use cases, issue 13 item 3)");
    }

    /** JDK coding rules: no standard streams (the launcher's CLI output is passed in as a PrintWriter). */
    ArchRule noStandardStreams() {
        return noClasses().that().resideInAPackage(root + "..").and(not(named(root + ".bootstrap.Main")))
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("output goes through the logger; only the launcher's main hands stdout/stderr to the CLI, "
                        + "whose job is printing");
    }

    ArchRule noGenericExceptions() {
        return noClasses().that().resideInAPackage(root + "..").should(GeneralCodingRules.THROW_GENERIC_EXCEPTIONS)
                .because("a thrown Exception, RuntimeException or Throwable says nothing to whoever must handle it");
    }

    ArchRule noFieldInjection() {
        return noFields().that().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .should(GeneralCodingRules.BE_ANNOTATED_WITH_AN_INJECTION_ANNOTATION)
                .because("everything is wired by hand through constructors in the bootstrap");
    }

    List<ArchRule> all() {
        return List.of(domainIsPureJava(), applicationSeesOnlyTheDomain(), adaptersDoNotKnowEachOther(),
                onlyBootstrapKnowsAdapters(), noPackageCycles(), drivenPortsAreInterfaces(),
                servicesImplementUseCases(), useCasesLiveInPortIn(), adaptersDoNotKnowTheBootstrap(),
                useCaseImplementationsLiveInTheServicePackage(), httpRoutesCallOnlyUseCases(), noStandardStreams(),
                noGenericExceptions(), noFieldInjection());
    }

    private DescribedPredicate<JavaClass> applicationOutsidePortIn() {
        String application = root + ".application";
        String portIn = application + ".port.in";
        List<String> allowed = List.of(application + ".port.out.BackendUnavailableException",
                application + ".port.out.BackendProbe$Criticality", application + ".port.out.AuditTrail",
                application + ".port.out.AuditTrail$Event");
        return DescribedPredicate.describe("application classes outside " + portIn + " (but " + allowed + ")",
                c -> c.getPackageName().startsWith(application)
                        && !(c.getPackageName().equals(portIn) || c.getPackageName().startsWith(portIn + "."))
                        && !allowed.contains(c.getName()));
    }

    private static DescribedPredicate<JavaClass> named(String name) {
        return DescribedPredicate.describe(name, c -> c.getName().equals(name));
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
