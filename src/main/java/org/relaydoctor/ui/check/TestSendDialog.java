package org.relaydoctor.ui.check;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.relaydoctor.check.TestMessage;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.SmtpAuth;

/// Check > Send a test message…: says exactly what will be sent, from whom, through which server and to whom, and
/// asks before anything is delivered. The recipient defaults to the account itself, whose inbox is then looked into.
public final class TestSendDialog {
    /// How long the inbox is looked into for the message.
    static final Duration ARRIVAL_WAIT = TestMessage.DEFAULT.arrivalWait();

    private TestSendDialog() {}

    /// Shows the confirmation; empty when the user cancels.
    public static Optional<TestMessage> ask(Window owner, AccountProfile profile, Messages text) {
        Dialog<TestMessage> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.get("testSend.title"));
        dialog.setHeaderText(text.get("testSend.header"));
        Label what = new Label(summary(profile, text));
        what.setId("testSendSummary");
        what.setWrapText(true);
        Label toLabel = new Label(text.get("testSend.to"));
        TextField to = new TextField(profile.email());
        to.setId("testSendTo");
        to.setAccessibleText(text.get("testSend.to"));
        toLabel.setLabelFor(to);
        CheckBox look = new CheckBox(text.get("testSend.look", ARRIVAL_WAIT.toSeconds()));
        look.setId("testSendLook");
        look.setSelected(true);
        look.setWrapText(true);
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setId("testSendError");
        VBox content = new VBox(8, what, toLabel, to, look, error);
        content.setPrefWidth(460);
        dialog.getDialogPane().setContent(content);
        ButtonType send = new ButtonType(text.get("testSend.send"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(send, org.relaydoctor.ui.common.DialogButtons.of(text).cancel());
        Node ok = dialog.getDialogPane().lookupButton(send);
        ok.setId("testSendOk");
        Runnable validate = () -> {
            boolean own = isOwnAddress(profile, to.getText());
            look.setDisable(!own || profile.incoming().host().isBlank());
            Optional<TestMessage> m = message(profile, to.getText(), look.isSelected());
            error.setText(m.isPresent() ? "" : text.get("testSend.invalid"));
            ok.setDisable(m.isEmpty());
        };
        to.textProperty().addListener((o, was, now) -> validate.run());
        validate.run();
        dialog.setResultConverter(b -> b == send ? message(profile, to.getText(), look.isSelected()).orElse(null) : null);
        Platform.runLater(to::requestFocus);
        return dialog.showAndWait();
    }

    /// What will happen, in the user's language: sender, server, authentication, subject.
    static String summary(AccountProfile profile, Messages text) {
        var out = profile.outgoing();
        String from = profile.displayName().isBlank() ? profile.email() : profile.displayName() + " <" + profile.email() + ">";
        String auth = switch (profile.smtpAuth()) {
            case SmtpAuth.Off o -> text.get("testSend.auth.off");
            case SmtpAuth.SameAsIncoming s -> text.get("testSend.auth.same", profile.login());
            case SmtpAuth.OwnLogin l -> text.get("testSend.auth.own", l.user());
        };
        return text.get("testSend.summary", from, out.host(), String.valueOf(out.port()),
                text.get("testSend.security." + out.security().name()), auth)
                + (profile.logOnToIncomingFirst() ? "\n" + text.get("testSend.popFirst", profile.incoming().host()) : "");
    }

    /// The request for a recipient as typed; empty when it is not an address.
    static Optional<TestMessage> message(AccountProfile profile, String recipient, boolean look) {
        String r = recipient == null ? "" : recipient.strip();
        int at = r.lastIndexOf('@');
        if (at < 1 || at == r.length() - 1 || r.chars().anyMatch(c -> Character.isWhitespace(c) || c == '<' || c == '>')) {
            return Optional.empty();
        }
        boolean own = isOwnAddress(profile, r);
        Duration wait = own && look && !profile.incoming().host().isBlank() ? ARRIVAL_WAIT : Duration.ZERO;
        return Optional.of(new TestMessage(own ? Optional.empty() : Optional.of(r), wait));
    }

    private static boolean isOwnAddress(AccountProfile profile, String recipient) {
        return recipient != null && recipient.strip().toLowerCase(Locale.ROOT).equals(profile.email().toLowerCase(Locale.ROOT));
    }
}
