package org.relaydoctor.ui.results;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.check.SmtpServerFacts;
import org.relaydoctor.check.TlsFacts;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.profile.TrustedCertificates;
import org.relaydoctor.ui.common.DialogButtons;
import org.relaydoctor.ui.common.TaskRunner;

/// "Trust this certificate…" in the results' TLS tab: shows whose certificate it is and its fingerprint, says what
/// trusting means, and once the user agrees keeps it in {@link TrustedCertificates} (written on a background task).
/// The next check then trusts exactly that certificate, as a mail program does after "accept this certificate".
public final class CertificateTrust {
    private final Window owner;
    private final TaskRunner tasks;
    private final TrustedCertificates store;

    public CertificateTrust(Window owner, TaskRunner tasks, TrustedCertificates store) {
        this.owner = owner;
        this.tasks = tasks;
        this.store = store;
    }

    public ResultsActions.Action action() {
        return this::confirm;
    }

    private void confirm(CheckResult result, Locale language, Consumer<String> done) {
        Optional<TlsFacts> facts = result.smtp().flatMap(SmtpServerFacts::tls).filter(t -> !t.sha256().isEmpty());
        if (facts.isEmpty()) {
            return;
        }
        TlsFacts tls = facts.get();
        Messages ui = Messages.load("ui", language);
        String server = result.profile().outgoing().host() + ":" + result.profile().outgoing().port();
        GridPane grid = new GridPane(10, 6);
        grid.setPadding(new Insets(12));
        String[][] rows = {
            {"results.tls.subject", tls.subject()},
            {"results.tls.issuer", tls.issuer()},
            {"results.tls.notAfter", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language)
                    .format(tls.notAfter().atZone(ZoneId.systemDefault()))},
            {"trust.server", server},
            {"results.tls.sha256", tls.sha256()},
        };
        for (int i = 0; i < rows.length; i++) {
            Label value = new Label(rows[i][1]);
            value.setWrapText(true);
            value.setMaxWidth(420);
            Label name = new Label(ui.get(rows[i][0]));
            name.getStyleClass().add("muted");
            grid.addRow(i, name, value);
        }
        Label warning = new Label(ui.get("trust.warning"));
        warning.setWrapText(true);
        warning.setMaxWidth(540);
        grid.add(warning, 0, rows.length, 2, 1);

        ButtonType trust = new ButtonType(ui.get("trust.confirm"), ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(ui.get("trust.title"));
        dialog.setHeaderText(ui.get("trust.header"));
        dialog.getDialogPane().setId("trustCertificateDialog");
        dialog.getDialogPane().setContent(grid);
        // Cancel is the default: trusting a certificate must be a deliberate click
        ButtonType cancel = DialogButtons.of(ui).cancel();
        dialog.getDialogPane().getButtonTypes().setAll(trust, cancel);
        Button trustButton = (Button) dialog.getDialogPane().lookupButton(trust);
        trustButton.setId("trustCertificateOkButton");
        trustButton.setDefaultButton(false);
        ((Button) dialog.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == trust) {
                TrustedCertificates.Entry entry = new TrustedCertificates.Entry(tls.sha256(), tls.subject(), server,
                        Instant.now());
                tasks.run("trust-certificate", () -> {
                    store.add(entry);
                    return entry;
                }, added -> done.accept(ui.get("trust.done")),
                        failure -> done.accept(ui.get("trust.failed", String.valueOf(failure.getMessage()))));
            }
        });
        dialog.show();
    }
}
