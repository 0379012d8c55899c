package org.relaydoctor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.relaydoctor.ui.theme.DroppedStyles;

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

    @Test
    void noControlWhoseThemeStylesTheBuildDrops() {
        DescribedPredicate<JavaClass> droppedControl = DroppedStyles.read().controls().stream()
                .map(JavaClass.Predicates::assignableTo)
                .reduce(DescribedPredicate.alwaysFalse(), (a, b) -> a.or(b))
                .as("are controls listed in " + DroppedStyles.LIST);
        ArchRule rule = noClasses()
            .should().dependOnClassesThat(droppedControl)
            .because("the build leaves their styles out of the theme: take the control's line out of " + DroppedStyles.LIST);
        rule.check(CLASSES);
    }

    @Test
    void noStyleClassWhoseThemeStylesTheBuildDrops() throws IOException {
        DroppedStyles dropped = DroppedStyles.read();
        // A style class in code is a string literal of its own ("card"); in a sheet, a class selector (.card).
        Pattern literal = Pattern.compile("\"([-\\w]+)\"");
        Pattern selector = Pattern.compile("\\.([-\\w]+)");
        List<String> uses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".css")).toList()) {
                Matcher m = (file.toString().endsWith(".css") ? selector : literal).matcher(Files.readString(file));
                while (m.find()) {
                    if (dropped.dropped(m.group(1))) {
                        uses.add(file + ": " + m.group());
                    }
                }
            }
        }
        assertThat(uses)
            .as("the build leaves these style classes' rules out of the theme: take their line out of " + DroppedStyles.LIST)
            .isEmpty();
    }
}
