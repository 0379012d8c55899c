package org.relaydoctor.ui.profiles;

import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.Security;
import org.relaydoctor.ui.common.LazyTooltip;
import org.relaydoctor.ui.profiles.ProfileEditorViewModel.OutgoingLogon;

/// The account editor, laid out like Outlook's account dialog and its "More settings" tabs so settings can be
/// copied field by field. Only wires controls to the {@link ProfileEditorViewModel}; all rules live there.
public final class ProfileEditorView extends ScrollPane {
    private final Messages text;
    private final ProfileEditorViewModel vm;

    /// @param rememberNote  where remembered passwords go (keychain or this session only), shown under the box
    public ProfileEditorView(ProfileEditorViewModel vm, Messages text,
            javafx.beans.value.ObservableValue<String> rememberNote) {
        this(vm, text, rememberNote, java.util.Optional.empty());
    }

    /// @param suggestions  the sources behind "Fill from provider"; without them the button is not shown
    public ProfileEditorView(ProfileEditorViewModel vm, Messages text,
            javafx.beans.value.ObservableValue<String> rememberNote,
            java.util.Optional<org.relaydoctor.profile.AccountSetupSuggestions> suggestions) {
        this.vm = vm;
        this.text = text;
        setId("profileEditor");
        setFitToWidth(true);
        getStyleClass().add("profile-editor");

        GridPane user = grid();
        row(user, 0, "profileName", "editor.profileName", textField("profileNameField", vm.profileNameProperty()), null);
        row(user, 1, "displayName", "editor.displayName", textField("displayNameField", vm.displayNameProperty()), null);
        row(user, 2, "email", "editor.email", textField("emailField", vm.emailProperty()), vm.emailStateProperty());
        suggestions.ifPresent(sources -> user.add(new ProviderFillView(vm, text, sources), 1, 6));

        GridPane server = grid();
        ComboBox<MailProtocol> type = combo("accountTypeCombo", vm.accountTypeProperty(), MailProtocol.values(),
                p -> p.name());
        row(server, 0, "accountType", "editor.accountType", type, null);
        row(server, 1, "incomingHost", "editor.incomingHost", textField("incomingHostField", vm.incomingHostProperty()),
                vm.incomingHostStateProperty());
        row(server, 2, "outgoingHost", "editor.outgoingHost", textField("outgoingHostField", vm.outgoingHostProperty()),
                vm.outgoingHostStateProperty());

        GridPane logon = grid();
        row(logon, 0, "login", "editor.login", textField("loginField", vm.loginProperty()), null);
        row(logon, 1, "password", "editor.password", passwordBox("passwordField", vm.passwordProperty()), null);
        CheckBox remember = checkBox("rememberPasswordCheck", "editor.rememberPassword");
        remember.selectedProperty().bindBidirectional(vm.rememberPasswordProperty());
        logon.add(remember, 1, 4);
        Label note = new Label();
        note.textProperty().bind(rememberNote);
        note.setId("rememberPasswordNote");
        note.setWrapText(true);
        note.getStyleClass().addAll("field-message", "muted");
        note.visibleProperty().bind(remember.selectedProperty());
        note.managedProperty().bind(note.visibleProperty());
        logon.add(note, 1, 5);

        VBox main = new VBox(6,
                section("editor.section.user"), user,
                section("editor.section.server"), server,
                section("editor.section.logon"), logon);
        main.setId("editorMain");

        TitledPane outgoing = new TitledPane(text.get("editor.more.outgoing"), outgoingSection());
        outgoing.setId("outgoingSection");
        outgoing.setExpanded(true);
        TitledPane advanced = new TitledPane(text.get("editor.more.advanced"), advancedSection());
        advanced.setId("advancedSection");
        advanced.setExpanded(true);
        Label more = section("editor.section.more");

        GridPane probe = grid();
        row(probe, 0, "testRecipient", "editor.testRecipient",
                textField("testRecipientField", vm.testRecipientProperty()), vm.testRecipientStateProperty());
        TitledPane relay = new TitledPane(text.get("editor.more.relayTest"), probe);
        relay.setId("relayTestSection");

        VBox content = new VBox(10, main, more, outgoing, advanced, relay);
        content.setPadding(new Insets(16));
        setContent(content);
    }

    private Node outgoingSection() {
        CheckBox requires = checkBox("smtpAuthRequiredCheck", "editor.smtpAuthRequired");
        requires.selectedProperty().bindBidirectional(vm.smtpAuthRequiredProperty());
        ToggleGroup group = new ToggleGroup();
        RadioButton same = radio("sameAsIncomingRadio", "editor.sameAsIncoming", group);
        RadioButton own = radio("logOnUsingRadio", "editor.logOnUsing", group);
        syncLogon(group, same, own);
        GridPane ownLogin = grid();
        row(ownLogin, 0, "smtpUser", "editor.smtpUser", textField("smtpUserField", vm.smtpUserProperty()),
                vm.smtpUserStateProperty());
        row(ownLogin, 1, "smtpPassword", "editor.password", passwordBox("smtpPasswordField", vm.smtpPasswordProperty()),
                null);
        ownLogin.setPadding(new Insets(0, 0, 0, 24));
        ownLogin.disableProperty().bind(requires.selectedProperty().not().or(own.selectedProperty().not()));
        same.disableProperty().bind(requires.selectedProperty().not());
        own.disableProperty().bind(requires.selectedProperty().not());
        CheckBox popFirst = checkBox("logOnToIncomingFirstCheck", "editor.logOnToIncomingFirst");
        popFirst.selectedProperty().bindBidirectional(vm.logOnToIncomingFirstProperty());
        VBox indented = new VBox(6, same, own, ownLogin);
        indented.setPadding(new Insets(0, 0, 0, 24));
        return new VBox(6, requires, indented, popFirst);
    }

    private Node advancedSection() {
        GridPane g = grid();
        Label ports = section("editor.advanced.ports");
        g.add(ports, 0, 0, 2, 1);
        // Port and encryption on rows of their own, as in Outlook: side by side, a small window squeezed the port
        // field to a sliver and cut the (long, Russian) encryption label.
        ComboBox<Security> inSec = combo("incomingSecurityCombo", vm.incomingSecurityProperty(),
                new Security[] {Security.NONE, Security.SSL_TLS, Security.STARTTLS}, this::securityName);
        row(g, 1, "incomingPort", "editor.incomingPort", port(textField("incomingPortField", vm.incomingPortProperty())),
                vm.incomingPortStateProperty());
        row(g, 2, "incomingSecurity", "editor.incomingSecurity", inSec, null);
        ComboBox<Security> outSec = combo("outgoingSecurityCombo", vm.outgoingSecurityProperty(), Security.values(),
                this::securityName);
        row(g, 3, "outgoingPort", "editor.outgoingPort", port(textField("outgoingPortField", vm.outgoingPortProperty())),
                vm.outgoingPortStateProperty());
        row(g, 4, "outgoingSecurity", "editor.outgoingSecurity", outSec, null);
        TextField timeout = textField("timeoutField", vm.timeoutSecondsProperty());
        row(g, 5, "timeout", "editor.timeout", port(timeout), vm.timeoutStateProperty());
        return g;
    }

    /// A short number field: as wide as five digits, not the whole column.
    private static TextField port(TextField field) {
        field.setPrefColumnCount(6);
        field.setMinWidth(80);
        field.setMaxWidth(110);
        return field;
    }

    private String securityName(Security s) {
        return text.get("editor.security." + s.name());
    }

    private void syncLogon(ToggleGroup group, RadioButton same, RadioButton own) {
        Runnable fromVm = () -> group.selectToggle(vm.outgoingLogonProperty().get() == OutgoingLogon.OWN_LOGIN ? own : same);
        fromVm.run();
        vm.outgoingLogonProperty().addListener((o, was, now) -> fromVm.run());
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.outgoingLogonProperty().set(now == own ? OutgoingLogon.OWN_LOGIN : OutgoingLogon.SAME_AS_INCOMING);
            }
        });
    }

    /// One labelled row: label, control, and under it the validation message of the field.
    private void row(GridPane grid, int row, String name, String key, Node control,
            ReadOnlyObjectProperty<FieldState> state) {
        Label label = new Label(text.get(key));
        label.setMnemonicParsing(true);
        label.setId(name + "Label");
        label.setWrapText(true);
        Control focusable = control instanceof Control c ? c : firstControl(control);
        label.setLabelFor(focusable);
        if (focusable != null) {
            focusable.setAccessibleText(text.get(key).replace("_", ""));
            if (LazyTooltip.text(focusable).isEmpty()) {
                LazyTooltip.installWrapped(focusable, hint(key));
            }
        }
        grid.add(label, 0, row * 2);
        grid.add(control, 1, row * 2);
        GridPane.setHgrow(control, Priority.ALWAYS);
        if (state != null) {
            Label message = new Label();
            message.setId(name + "Message");
            message.setWrapText(true);
            message.getStyleClass().add("field-message");
            Runnable show = () -> {
                FieldState s = state.get();
                message.setText(s.messageKey().isEmpty() ? "" : text.get(s.messageKey()));
                message.getStyleClass().removeAll("field-error", "field-warning");
                if (s.level() != FieldState.Level.FINE) {
                    message.getStyleClass().add(s.isError() ? "field-error" : "field-warning");
                }
                message.setVisible(s.level() != FieldState.Level.FINE);
                message.setManaged(message.isVisible());
                if (focusable != null) {
                    focusable.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), s.isError());
                    // Without a message, screen readers read the hint, as JavaFX does for an empty help text.
                    focusable.setAccessibleHelp(message.getText().isEmpty()
                            ? LazyTooltip.text(focusable).orElse("") : message.getText());
                }
            };
            show.run();
            state.addListener((o, was, now) -> show.run());
            grid.add(message, 1, row * 2 + 1);
        }
    }

    private static Control firstControl(Node node) {
        if (node instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                if (child instanceof TextField || child instanceof ComboBox<?>) {
                    return (Control) child;
                }
                Control inner = firstControl(child);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private TextField textField(String id, StringProperty property) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(property);
        return f;
    }

    /// A password field with a show/hide toggle; both fields edit the same property.
    private Node passwordBox(String id, StringProperty property) {
        PasswordField hidden = new PasswordField();
        hidden.setId(id);
        hidden.textProperty().bindBidirectional(property);
        TextField shown = new TextField();
        shown.setId(id + "Shown");
        shown.textProperty().bindBidirectional(property);
        ToggleButton show = new ToggleButton(text.get("editor.password.show"));
        show.setId(id + "Toggle");
        LazyTooltip.installWrapped(show, hint("editor.password.show"));
        show.setAccessibleText(text.get("editor.password.show.tooltip"));
        show.setMinWidth(USE_PREF_SIZE);
        shown.visibleProperty().bind(show.selectedProperty());
        // The visible twin reads and explains like the hidden field (row() sets the hidden one's texts).
        LazyTooltip.mirror(hidden, shown);
        hidden.accessibleTextProperty().addListener((o, was, now) -> shown.setAccessibleText(now));
        hidden.visibleProperty().bind(show.selectedProperty().not());
        show.selectedProperty().addListener((o, was, now) -> (now ? shown : hidden).requestFocus());
        StackPane fields = new StackPane(hidden, shown);
        HBox box = new HBox(6, fields, show);
        HBox.setHgrow(fields, Priority.ALWAYS);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private CheckBox checkBox(String id, String key) {
        CheckBox c = new CheckBox(text.get(key));
        c.setId(id);
        LazyTooltip.installWrapped(c, hint(key));
        c.setAccessibleText(text.get(key).replace("_", ""));
        return c;
    }

    private RadioButton radio(String id, String key, ToggleGroup group) {
        RadioButton r = new RadioButton(text.get(key));
        r.setId(id);
        r.setToggleGroup(group);
        LazyTooltip.installWrapped(r, hint(key));
        r.setAccessibleText(text.get(key).replace("_", ""));
        return r;
    }

    private <T> ComboBox<T> combo(String id, ObjectProperty<T> property, T[] values, Function<T, String> name) {
        ComboBox<T> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(values);
        StringConverter<T> converter = new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
        c.setConverter(converter);
        c.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : name.apply(item));
            }
        });
        c.valueProperty().bindBidirectional(property);
        return c;
    }

    /// The setting's own explanation, or its label without the mnemonic mark where it has none.
    private String hint(String key) {
        return text.has(key + ".tooltip") ? text.get(key + ".tooltip") : text.get(key).replace("_", "");
    }

    private Label section(String key) {
        Label l = new Label(text.get(key));
        l.getStyleClass().add("section-title");
        return l;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        // Narrow enough for a small window; a long (Russian) label wraps instead of being cut.
        labels.setMinWidth(140);
        labels.setPrefWidth(220);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(180);
        g.getColumnConstraints().setAll(labels, fields);
        return g;
    }
}
