package org.relaydoctor.ui.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relaydoctor.check.Outcome;
import org.relaydoctor.check.StepKind;
import org.relaydoctor.check.StepResult;

@org.junit.jupiter.api.extension.ExtendWith(org.testfx.framework.junit5.ApplicationExtension.class)
class CheckProgressTest {
    private final CheckProgress progress = new CheckProgress(Runnable::run);

    @Test
    void startedStepRunsUntilItsResultArrives() {
        progress.stepStarted("dns", StepKind.DNS, "DNS");
        progress.stepStarted("connect.587", StepKind.CONNECT, "Connect to port 587");
        assertThat(progress.rows()).allMatch(StepRow::isRunning);

        progress.stepFinished(new StepResult("dns", StepKind.DNS, "DNS look-ups", Outcome.PASSED,
                Duration.ofMillis(40), "2 MX records", List.of()));
        StepRow dns = progress.rows().getFirst();
        assertThat(dns.isRunning()).isFalse();
        assertThat(dns.outcomeProperty().get()).isEqualTo(Outcome.PASSED);
        assertThat(dns.titleProperty().get()).isEqualTo("DNS look-ups");
        assertThat(dns.durationProperty().get()).isEqualTo(Duration.ofMillis(40));

        progress.cancelRunning();
        assertThat(progress.rows().get(1).outcomeProperty().get()).isEqualTo(Outcome.CANCELLED);
        assertThat(dns.outcomeProperty().get()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void aResultWithoutAStartStillShows() {
        progress.stepFinished(new StepResult("probe.1", StepKind.PROBE, "Relay without authentication",
                Outcome.FAILED, Duration.ofMillis(5), "554 5.7.1 Relay access denied", List.of()));
        assertThat(progress.rows()).hasSize(1);
        assertThat(progress.rows().getFirst().summaryProperty().get()).contains("Relay access denied");
    }

    @Test
    void aCheckCancelledBeforeItsFirstStepSaysSoInsteadOfInvitingAStart() {
        org.relaydoctor.diagnosis.Messages text = org.relaydoctor.diagnosis.Messages.load("ui", java.util.Locale.of("ru"));
        CheckView view = new CheckView(progress, text);
        javafx.scene.control.ListView<?> list = (javafx.scene.control.ListView<?>) view.lookup("#stepList");
        javafx.scene.control.Label placeholder = (javafx.scene.control.Label) list.getPlaceholder();
        assertThat(placeholder.getText()).isEqualTo(text.get("check.steps.empty"));
        progress.cancelRunning();
        assertThat(placeholder.getText()).isEqualTo("Проверка отменена до первого шага.");
        progress.clear();
        assertThat(placeholder.getText()).isEqualTo(text.get("check.steps.empty"));
    }
}
