package org.relaydoctor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.diagnosis.VerdictCode;
import org.relaydoctor.dns.ProviderCatalog;
import org.relaydoctor.profile.AccountSetupSuggestions;
import org.relaydoctor.ui.common.LazyTooltip;
import org.relaydoctor.ui.profiles.ProfileEditorView;
import org.relaydoctor.ui.profiles.ProfileEditorViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/// What a Russian or Ukrainian user reads: the window's own texts are translated (no English left in the
/// ru/uk bundles but product and protocol names), every verdict has a short badge name in each language,
/// and every setting in the editor has a tooltip and a text for screen readers.
@ExtendWith(ApplicationExtension.class)
class UiTextsTest {
    private static final Pattern CYRILLIC = Pattern.compile("[а-яА-ЯёЁіїєґІЇЄҐ]");
    /// Names that are the same in every language: protocols, the product, the English language's own name.
    private static final Pattern SAME_IN_EVERY_LANGUAGE = Pattern.compile(
            "SSL/TLS|STARTTLS|TLS|DNS|SPF|SMTP|POP3|IMAP|MX|SRV|SSL|Relay Doctor|English|\\{[^}]*}");

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ui_ru", "ui_uk", "explain_ru", "explain_uk", "check_ru", "check_uk", "profile_ru",
        "profile_uk"})
    void translatedBundlesHaveNoEnglishLeftIn(String bundle) throws IOException {
        List<String> english = new ArrayList<>();
        load(bundle).forEach((key, value) -> {
            String words = SAME_IN_EVERY_LANGUAGE.matcher((String) value).replaceAll("");
            if (words.matches("(?s).*[A-Za-z].*") && !CYRILLIC.matcher(words).find()) {
                english.add(key + "=" + value);
            }
        });
        assertThat(english).as("untranslated texts in %s", bundle).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru", "uk"})
    void everyVerdictHasAShortBadgeName(String language) {
        Messages text = Messages.load("ui", Locale.forLanguageTag(language));
        for (VerdictCode code : VerdictCode.values()) {
            assertThat(text.has("badge." + code.name())).as("badge.%s in %s", code, language).isTrue();
            if (!language.equals("en")) {
                assertThat(text.get("badge." + code.name())).containsPattern(CYRILLIC);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru", "uk"})
    void aKeychainProblemWithoutAReasonReadsWithoutEmptyBrackets(String language) {
        Messages profile = Messages.load("profile", Locale.forLanguageTag(language));
        org.relaydoctor.profile.SecretAvailability none = org.relaydoctor.profile.SecretAvailability.sessionOnly("");
        assertThat(profile.get(none.messageKey(), none.backend(), none.reason())).doesNotContain("()").doesNotStartWith("[");
        org.relaydoctor.profile.SecretAvailability locked = org.relaydoctor.profile.SecretAvailability.sessionOnly("locked");
        assertThat(profile.get(locked.messageKey(), locked.backend(), locked.reason())).contains("(locked)");
    }

    @Test
    void everySettingHasATooltipAndAccessibleTextInRussian(FxRobot robot) {
        Messages text = Messages.load("ui", Locale.of("ru"));
        robot.interact(() -> {
            ProfileEditorView view = new ProfileEditorView(new ProfileEditorViewModel(), text,
                    new SimpleStringProperty(""), java.util.Optional.of(new AccountSetupSuggestions(
                            List.of(ProviderCatalog.bundled().byDomainSource()))));
            stage.setScene(new Scene(view, 820, 560));
            stage.show();
        });
        List<Control> controls = new ArrayList<>();
        collect(stage.getScene().getRoot(), controls);
        assertThat(controls).hasSizeGreaterThan(20);
        for (Control c : controls) {
            // Tooltips are made at the first hover; until then the control holds the text they will show.
            assertThat(LazyTooltip.text(c)).as("tooltip of %s", c.getId()).isPresent();
            assertThat(LazyTooltip.text(c).orElseThrow()).as("tooltip of %s", c.getId()).isNotBlank()
                    .containsPattern(CYRILLIC).doesNotContain("[editor.");
            // What a screen reader says for the control's help: the hint, or the field's message.
            assertThat((String) c.queryAccessibleAttribute(AccessibleAttribute.HELP)).as("reader help of %s", c.getId())
                    .isNotBlank().containsPattern(CYRILLIC);
            assertThat(c.getAccessibleText()).as("accessible text of %s", c.getId()).isNotBlank().doesNotContain("_");
        }
        List<String> shown = new ArrayList<>();
        labels(stage.getScene().getRoot(), shown);
        assertThat(shown).noneMatch(s -> s.startsWith("[") && s.endsWith("]"));
    }

    /// Every control a user can type into, tick or pick, and every button.
    private static void collect(Node node, List<Control> out) {
        if ((node instanceof TextInputControl || node instanceof ComboBox<?> || node instanceof ButtonBase)
                && !(node.getParent() instanceof ComboBox<?>) && node.getId() != null) {
            out.add((Control) node);
        }
        if (node instanceof TitledPane t && t.getContent() != null) {
            collect(t.getContent(), out);
        }
        if (node instanceof javafx.scene.control.ScrollPane s && s.getContent() != null) {
            collect(s.getContent(), out);
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collect(child, out));
        }
    }

    private static void labels(Node node, List<String> out) {
        if (node instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> labels(child, out));
        }
    }

    private static Properties load(String bundle) throws IOException {
        Properties p = new Properties();
        try (InputStream in = UiTextsTest.class.getResourceAsStream("/org/relaydoctor/i18n/" + bundle + ".properties")) {
            assertThat(in).as(bundle).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
