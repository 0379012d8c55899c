package org.relaydoctor.ui.profiles;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.AccountSetupSuggestions;
import org.relaydoctor.profile.AccountSuggestion;
import org.relaydoctor.profile.Security;
import org.relaydoctor.ui.common.LazyTooltip;

/// "Fill from provider" under the address field: asks the catalogue, autoconfig and SRV sources off the FX
/// thread (cancellable: the look-up is interrupted) and lists what they propose, each with a "Use" button.
public final class ProviderFillView extends VBox {
    private static final ExecutorService LOOKUPS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("provider-lookup-", 1).factory());

    private final ProfileEditorViewModel vm;
    private final Messages text;
    private final AccountSetupSuggestions suggestions;
    private final Button fill = new Button();
    private final Button cancel = new Button();
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Label status = new Label();
    private final VBox found = new VBox(6);
    private Task<List<AccountSuggestion>> running;

    public ProviderFillView(ProfileEditorViewModel vm, Messages text, AccountSetupSuggestions suggestions) {
        super(6);
        this.vm = vm;
        this.text = text;
        this.suggestions = suggestions;
        setId("providerFill");
        fill.setId("fillFromProviderButton");
        fill.setText(text.get("editor.fill"));
        LazyTooltip.install(fill, text.get("editor.fill.tooltip"));
        fill.setAccessibleText(text.get("editor.fill.tooltip"));
        fill.setMinWidth(USE_PREF_SIZE);
        fill.disableProperty().bind(vm.emailProperty().map(e -> !e.contains("@") || e.endsWith("@")));
        fill.setOnAction(e -> lookUp());
        cancel.setId("cancelLookupButton");
        cancel.setText(text.get("editor.fill.cancel"));
        LazyTooltip.install(cancel, text.get("editor.fill.cancel.tooltip"));
        cancel.setAccessibleText(text.get("editor.fill.cancel.tooltip"));
        cancel.setMinWidth(USE_PREF_SIZE);
        cancel.setOnAction(e -> cancel());
        spinner.setPrefSize(16, 16);
        status.setId("providerStatus");
        status.setWrapText(true);
        status.getStyleClass().addAll("field-message", "muted");
        found.setId("providerSuggestions");
        setRunning(false);
        HBox buttons = new HBox(8, fill, spinner, cancel, status);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);
        getChildren().addAll(buttons, found);
        // A look-up for an address that is no longer typed is of no use.
        vm.emailProperty().addListener((o, was, now) -> cancel());
    }

    /// Whether a look-up is running, for tests.
    public boolean isLookingUp() {
        return running != null;
    }

    private void lookUp() {
        cancel();
        String email = vm.emailProperty().get().strip();
        found.getChildren().clear();
        status.setText(text.get("editor.fill.running"));
        Task<List<AccountSuggestion>> task = new Task<>() {
            @Override
            protected List<AccountSuggestion> call() throws InterruptedException {
                return suggestions.suggest(email);
            }
        };
        task.setOnSucceeded(e -> {
            if (running == task) {
                setRunning(false);
                show(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (running == task) {
                setRunning(false);
                status.setText(text.get("editor.fill.failed", String.valueOf(task.getException().getMessage())));
            }
        });
        running = task;
        setRunning(true);
        LOOKUPS.execute(task);
    }

    private void cancel() {
        if (running != null) {
            running.cancel(true);
            running = null;
            setRunning(false);
            status.setText(text.get("editor.fill.cancelled"));
        }
    }

    private void setRunning(boolean value) {
        spinner.setVisible(value);
        spinner.setManaged(value);
        cancel.setVisible(value);
        cancel.setManaged(value);
    }

    private void show(List<AccountSuggestion> list) {
        status.setText(list.isEmpty() ? text.get("editor.fill.none") : text.get("editor.fill.found", list.size()));
        for (int i = 0; i < list.size(); i++) {
            AccountSuggestion s = list.get(i);
            Label what = new Label(text.get("editor.fill.source." + s.source().name(), s.provider()) + "\n"
                    + describe(s.profile()));
            what.setWrapText(true);
            LazyTooltip.install(what, s.origin());
            Button use = new Button(text.get("editor.fill.use"));
            use.setId("useSuggestion" + i);
            use.setMinWidth(USE_PREF_SIZE);
            LazyTooltip.install(use, text.get("editor.fill.use.tooltip"));
            use.setAccessibleText(text.get("editor.fill.use") + ": " + what.getText());
            use.setOnAction(e -> {
                vm.fillServers(s.profile());
                found.getChildren().clear();
                status.setText(text.get("editor.fill.applied", s.provider()));
            });
            HBox row = new HBox(8, use, what);
            row.setAlignment(Pos.CENTER_LEFT);
            found.getChildren().add(row);
            for (org.relaydoctor.profile.LocalizedText note : s.notes()) {
                Label n = new Label("• " + note.in(text.locale()));
                n.setWrapText(true);
                n.getStyleClass().add("muted");
                found.getChildren().add(n);
            }
        }
    }

    private String describe(AccountProfile p) {
        return p.incoming().protocol().name() + " " + p.incoming().host() + ":" + p.incoming().port() + " "
                + securityName(p.incoming().security()) + " · SMTP " + p.outgoing().host() + ":" + p.outgoing().port()
                + " " + securityName(p.outgoing().security());
    }

    private String securityName(Security s) {
        return text.get("editor.security." + s.name());
    }
}
