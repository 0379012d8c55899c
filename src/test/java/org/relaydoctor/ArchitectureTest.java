package org.relaydoctor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/// The layering of the code, kept by a test rather than by good intentions.
/// Plain Jupiter tests rather than ArchUnit's own engine, so that Surefire counts and reports every rule.
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.relaydoctor");

    @Test
    void engineIsFreeOfJavaFx() {
        ArchRule rule = noClasses()
            .that().resideInAnyPackage("org.relaydoctor.profile..", "org.relaydoctor.dns..", "org.relaydoctor.probe..",
                    "org.relaydoctor.diagnosis..", "org.relaydoctor.check..", "org.relaydoctor.report..",
                    "org.relaydoctor.cli..", "org.relaydoctor.demo..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.relaydoctor.ui..")
            .because("the command line and the tests use the engine on machines without a display");
        rule.check(CLASSES);
    }

    @Test
    void uiDoesNotTalkToServers() {
        ArchRule rule = noClasses()
            .that().resideInAPackage("org.relaydoctor.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "org.eclipse.angus..", "org.xbill..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
            .because("network work belongs to the engine, run off the FX thread");
        rule.check(CLASSES);
    }

    @Test
    void diagnosisDoesNotReachForDns() {
        ArchRule rule = noClasses()
            .that().resideInAnyPackage("org.relaydoctor.diagnosis..", "org.relaydoctor.probe..")
            .should().dependOnClassesThat().resideInAnyPackage("org.relaydoctor.dns..", "org.relaydoctor.check..")
            .because("probe -> diagnosis -> check is the direction of evidence; DNS facts reach the diagnosis as findings");
        rule.check(CLASSES);
    }

    @Test
    void onlyAppWiresTheGraph() {
        ArchRule rule = noClasses()
            .that().resideOutsideOfPackage("org.relaydoctor.app..")
            .should().dependOnClassesThat().resideInAPackage("org.relaydoctor.app..")
            .because("app is the composition root: everything else is handed what it needs");
        rule.check(CLASSES);
    }

    @Test
    void tooltipsAreMadeAtTheFirstHover() {
        ArchRule rule = noClasses()
            .that().haveNameNotMatching("org\\.relaydoctor\\.ui\\.common\\.LazyTooltip(\\$.*)?")
            .should().dependOnClassesThat().areAssignableTo(javafx.scene.control.Tooltip.class)
            .because("each Tooltip costs 1-2 ms at window start-up; LazyTooltip makes it when first hovered");
        rule.check(CLASSES);
    }
}
