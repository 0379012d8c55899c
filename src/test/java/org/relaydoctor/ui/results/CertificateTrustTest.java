package org.relaydoctor.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.check.SmtpServerFacts;
import org.relaydoctor.check.TlsFacts;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.profile.TrustedCertificates;
import org.relaydoctor.report.ReportFixture;
import org.relaydoctor.ui.common.TaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The TLS tab offers to trust a certificate no authority vouches for; only a deliberate "Trust" keeps it, and the
/// kept fingerprint is what the next check trusts.
@ExtendWith(ApplicationExtension.class)
class CertificateTrustTest {
    private static final String SHA256 = "5E:".repeat(31) + "A1";

    @TempDir
    Path dir;

    private final AtomicReference<String> status = new AtomicReference<>();
    private TrustedCertificates store;

    static CheckResult withTls(CheckResult r, boolean trusted) {
        SmtpServerFacts s = r.smtp().orElseThrow();
        TlsFacts tls = new TlsFacts("TLSv1.3", "TLS_AES_256_GCM_SHA384", "CN=mail.small-host.ru", "CN=mail.small-host.ru",
                Instant.parse("2027-06-01T00:00:00Z"), List.of("mail.small-host.ru"), trusted, true, SHA256);
        SmtpServerFacts facts = new SmtpServerFacts(s.host(), s.port(), s.address(), s.banner(), s.capabilities(),
                s.authMechanisms(), s.reportedClientAddress(), Optional.of(tls));
        return new CheckResult(r.profile(), r.startedAt(), r.duration(), r.verdict(), r.findings(), r.steps(), r.dns(),
                Optional.of(facts), r.transcript(), r.appVersion());
    }

    @Start
    void start(Stage stage) {
        store = new TrustedCertificates(dir);
        ResultsActions actions = ResultsActions.none()
                .withTrustCertificate(new CertificateTrust(stage, TaskRunner.direct(), store).action());
        Locale ru = Locale.of("ru");
        ResultsView view = new ResultsView(withTls(ReportFixture.result(), false), Messages.load("ui", ru),
                Messages.load("verdicts", ru), () -> false, actions, status::set);
        stage.setScene(new Scene(view, 900, 700));
        stage.show();
    }

    private void openTrustDialog(FxRobot robot) {
        robot.clickOn("#tlsTab");
        robot.clickOn("#trustCertificateButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void cancelKeepsNothingAndTrustKeepsTheFingerprint(FxRobot robot) {
        openTrustDialog(robot);
        assertThat(robot.lookup("#trustCertificateDialog").tryQuery()).isPresent();
        assertThat(robot.lookup(SHA256).tryQuery()).as("the fingerprint is shown before trusting").isPresent();
        // Enter means Cancel: trusting a certificate takes a deliberate click
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(store.fingerprints()).isEmpty();
        assertThat(status.get()).isNull();

        openTrustDialog(robot);
        robot.clickOn("#trustCertificateOkButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(store.fingerprints()).containsExactly(SHA256);
        assertThat(store.list().getFirst().subject()).isEqualTo("CN=mail.small-host.ru");
        assertThat(status.get()).isEqualTo(Messages.load("ui", Locale.of("ru")).get("trust.done"));
    }
}
