package org.relaydoctor.ui.results;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.check.StepResult;
import org.relaydoctor.check.TlsFacts;
import org.relaydoctor.diagnosis.Finding;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.ui.check.StepIcons;
import org.relaydoctor.ui.common.LazyTooltip;

/// Everything a check found: the {@link VerdictCard} on top, then the Steps, DNS, TLS, Transcript and Findings
/// tabs, and the Export report / Copy summary buttons. Built only when the first result arrives.
public final class ResultsView extends SplitPane {
    private final Messages text;
    private final Messages verdicts;

    /// @param status  the window's status bar, told what an action did
    public ResultsView(CheckResult result, Messages text, Messages verdicts, BooleanSupplier applyFix,
            ResultsActions actions, java.util.function.Consumer<String> status) {
        this.text = text;
        this.verdicts = verdicts;
        setId("resultsView");
        setOrientation(Orientation.VERTICAL);

        VerdictCard card = new VerdictCard(result.verdict(), text, verdicts, applyFix);
        HBox buttons = new HBox(8);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        actions.exportReport().ifPresent(export -> buttons.getChildren().add(
                button("exportReportButton", "results.export", () -> export.run(result, text.locale(), status))));
        actions.copySummary().ifPresent(copy -> buttons.getChildren().add(
                button("copySummaryButton", "results.copySummary", () -> copy.run(result, text.locale(), status))));
        Label when = new Label(text.get("results.checkedAt",
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(text.locale())
                        .format(result.startedAt().atZone(ZoneId.systemDefault())),
                StepIcons.duration(result.duration(), text)));
        when.getStyleClass().add("muted");
        when.setWrapText(true);
        when.setMinWidth(0);
        buttons.getChildren().forEach(b -> ((Button) b).setMinWidth(Region.USE_PREF_SIZE));
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        // The buttons keep their whole labels; the date wraps, and in a narrow window the buttons go below it.
        javafx.scene.layout.FlowPane bottom = new javafx.scene.layout.FlowPane(12, 6, when, buttons);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setId("resultsActions");
        VBox top = new VBox(10, card, bottom);
        top.setPadding(new Insets(12));
        ScrollPane cardScroll = new ScrollPane(top);
        cardScroll.setFitToWidth(true);
        cardScroll.setId("verdictScroll");

        TabPane tabs = new TabPane(
                tab("stepsTab", "results.tab.steps", steps(result.steps())),
                tab("dnsTab", "results.tab.dns", dns(result)),
                tab("tlsTab", "results.tab.tls", tls(result, actions, status)),
                tab("transcriptTab", "results.tab.transcript", new TranscriptView(result.transcript(), text)),
                tab("findingsTab", "results.tab.findings", findings(allFindings(result))));
        tabs.setId("resultTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        getItems().setAll(cardScroll, tabs);
        setDividerPositions(0.5);
    }

    private Node steps(List<StepResult> steps) {
        ListView<StepResult> list = new ListView<>();
        list.setId("resultStepList");
        list.getItems().setAll(steps);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(StepResult s, boolean empty) {
                super.updateItem(s, empty);
                setText(null);
                if (empty || s == null) {
                    setGraphic(null);
                    return;
                }
                Label title = new Label(s.title());
                title.getStyleClass().add("step-title");
                Label summary = new Label(s.summary());
                summary.setWrapText(true);
                VBox lines = new VBox(2, title, summary);
                if (!s.evidence().isEmpty()) {
                    Label evidence = new Label(String.join("\n", s.evidence()));
                    evidence.getStyleClass().addAll("monospace", "muted");
                    lines.getChildren().add(evidence);
                }
                HBox.setHgrow(lines, Priority.ALWAYS);
                Label duration = new Label(StepIcons.duration(s.duration(), text));
                duration.getStyleClass().add("step-duration");
                HBox row = new HBox(8, StepIcons.of(s.outcome()), lines, duration);
                row.setAlignment(Pos.TOP_LEFT);
                lines.setMaxWidth(Double.MAX_VALUE);
                summary.maxWidthProperty().bind(list.widthProperty().subtract(140));
                setGraphic(row);
                setAccessibleText(s.title() + ": " + text.get("check.outcome." + s.outcome().name()) + ". " + s.summary());
            }
        });
        return list;
    }

    private Node dns(CheckResult result) {
        if (result.dns().isEmpty()) {
            return placeholder("results.dns.none");
        }
        return new DnsPane(result.dns().get(), text);
    }

    private Node tls(CheckResult result, ResultsActions actions, java.util.function.Consumer<String> status) {
        if (result.smtp().flatMap(s -> s.tls()).isEmpty()) {
            return placeholder("results.tls.none");
        }
        TlsFacts tls = result.smtp().get().tls().get();
        GridPane g = new GridPane();
        g.setId("tlsFacts");
        g.setHgap(12);
        g.setVgap(6);
        g.setPadding(new Insets(10));
        String[][] rows = {
            {"results.tls.protocol", tls.protocol()},
            {"results.tls.cipher", tls.cipherSuite()},
            {"results.tls.subject", tls.subject()},
            {"results.tls.issuer", tls.issuer()},
            {"results.tls.notAfter", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(text.locale())
                    .format(tls.notAfter().atZone(ZoneId.systemDefault()))},
            {"results.tls.names", String.join(", ", tls.subjectAltNames())},
            {"results.tls.trusted", text.get(tls.trusted() ? "results.yes" : "results.no")},
            {"results.tls.matchesHost", text.get(tls.matchesHost() ? "results.yes" : "results.no")},
        };
        for (int i = 0; i < rows.length; i++) {
            Label k = new Label(text.get(rows[i][0]));
            k.getStyleClass().add("muted");
            Label v = new Label(rows[i][1]);
            v.setWrapText(true);
            g.add(k, 0, i);
            g.add(v, 1, i);
        }
        // a certificate no authority vouches for (self-signed, a private CA) can be trusted for later checks, as a
        // mail program lets one accept it; one whose trust failed for other reasons is trusted by its fingerprint too
        if (!tls.trusted() && !tls.sha256().isEmpty() && actions.trustCertificate().isPresent()) {
            Label fingerprint = new Label(tls.sha256());
            fingerprint.getStyleClass().addAll("monospace", "muted");
            fingerprint.setWrapText(true);
            g.add(new Label(text.get("results.tls.sha256")), 0, rows.length);
            g.add(fingerprint, 1, rows.length);
            Button trust = button("trustCertificateButton", "results.tls.trust",
                    () -> actions.trustCertificate().get().run(result, text.locale(), status));
            g.add(trust, 1, rows.length + 1);
        }
        ScrollPane scroll = new ScrollPane(g);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node findings(List<Finding> findings) {
        ListView<Finding> list = new ListView<>();
        list.setId("findingList");
        list.setPlaceholder(new Label(text.get("results.findings.none")));
        list.getItems().setAll(findings);
        list.setCellFactory(v -> new ListCell<>() {
            {
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(Finding f, boolean empty) {
                super.updateItem(f, empty);
                setText(null);
                if (empty || f == null) {
                    setGraphic(null);
                    return;
                }
                String prefix = "finding." + f.code().name();
                Label severity = new Label(text.get("results.severity." + f.severity().name()));
                severity.getStyleClass().addAll("verdict-badge", switch (f.severity()) {
                    case INFO -> "badge-neutral";
                    case WARNING -> "badge-warning";
                    case ERROR -> "badge-danger";
                });
                severity.setMinWidth(Region.USE_PREF_SIZE);
                Label title = new Label(fill(verdicts.get(prefix + ".title"), f.details()));
                title.getStyleClass().add("step-title");
                Label detail = new Label(fill(verdicts.get(prefix + ".detail"), f.details()));
                detail.setWrapText(true);
                title.setWrapText(true);
                // Wrapped to the list's width: a cell sized to its text ran off to the right, cut.
                detail.prefWidthProperty().bind(list.widthProperty().subtract(160));
                title.prefWidthProperty().bind(detail.prefWidthProperty());
                detail.setMinHeight(Region.USE_PREF_SIZE);
                title.setMinHeight(Region.USE_PREF_SIZE);
                HBox row = new HBox(8, severity, new VBox(2, title, detail));
                setGraphic(row);
                setAccessibleText(severity.getText() + ": " + title.getText() + ". " + detail.getText());
            }
        });
        return list;
    }

    /// The DNS report's findings belong in the Findings tab too; the same code is shown once.
    private static List<Finding> allFindings(CheckResult result) {
        List<Finding> all = new ArrayList<>(result.findings());
        result.dns().ifPresent(d -> d.findings().stream().filter(f -> !all.contains(f)).forEach(all::add));
        return all;
    }

    /// Fills `{name}` placeholders from a finding's details map.
    static String fill(String pattern, Map<String, String> details) {
        String out = pattern;
        for (var e : details.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }

    private Node placeholder(String key) {
        Label l = new Label(text.get(key));
        l.setWrapText(true);
        l.setPadding(new Insets(12));
        l.getStyleClass().add("muted");
        return l;
    }

    private Tab tab(String id, String key, Node content) {
        Tab t = new Tab(text.get(key), content);
        t.setId(id);
        return t;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(text.get(key));
        b.setId(id);
        LazyTooltip.install(b, text.get(key + ".tooltip"));
        b.setOnAction(e -> action.run());
        return b;
    }
}
