package org.relaydoctor.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relaydoctor.diagnosis.Finding;
import org.relaydoctor.diagnosis.FindingCode;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.diagnosis.Severity;
import org.relaydoctor.dns.DnsReport;
import org.relaydoctor.dns.DnsStatus;
import org.relaydoctor.dns.MxRecord;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/// The DNS tab in Russian: mixed MX, providers by name, the problem of a record, "did you mean", blocklists.
@ExtendWith(ApplicationExtension.class)
class DnsPaneTest {
    @Start
    void start(Stage stage) {
        DnsReport report = new DnsReport("example.ru", "127.0.0.1:5353", DnsStatus.FOUND,
                List.of(new MxRecord(10, "mx.yandex.net", Optional.of("yandex"), List.of("192.0.2.1"), Optional.empty()),
                        new MxRecord(20, "mx1.hosting.reg.ru", Optional.of("regru-hosting"), List.of(),
                                Optional.of(MxRecord.Problem.NOT_FOUND))),
                Optional.empty(),
                List.of(new DnsReport.ServerName("outgoing", "smtp.hosting.reg.ru", DnsStatus.NXDOMAIN, List.of(),
                        Optional.of("mail.hosting.reg.ru"))),
                List.of(), Optional.empty(), List.of(),
                List.of(new DnsReport.BlocklistResult("203.0.113.5", "zen.spamhaus.org", true, DnsStatus.FOUND,
                        List.of("127.0.0.11"), "")),
                List.of(new Finding(FindingCode.MX_MIXED, Severity.ERROR, Map.of("domain", "example.ru"))));
        stage.setScene(new Scene(new DnsPane(report, Messages.load("ui", Locale.of("ru"))), 800, 600));
        stage.show();
    }

    @Test
    void showsMixedMxProvidersProblemsAndSuggestion(FxRobot robot) {
        assertThat(robot.lookup("#mixedMxWarning").queryAs(Label.class).getText()).contains("нескольких провайдеров");
        TableView<?> table = robot.lookup("#mxTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(2);
        assertThat(table.getColumns().get(2).getCellData(0)).isEqualTo("Yandex 360");
        assertThat(table.getColumns().get(4).getCellData(1)).isEqualTo("не разрешается");
        assertThat(robot.lookup("#didYouMean").queryAs(Label.class).getText()).contains("mail.hosting.reg.ru");
        assertThat(robot.lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("203.0.113.5 числится в zen.spamhaus.org (127.0.0.11)");
    }
}
