package org.relaydoctor.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.collections.FXCollections;
import javafx.css.Selector;
import javafx.css.Stylesheet;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ThemesTest {
    private Scene scene;
    private Label title;

    @Start
    void start(Stage stage) {
        title = new Label("Server Information");
        title.getStyleClass().add("section-title");
        scene = new Scene(new VBox(title), 300, 100);
        new Themes().attach(scene, Themes.Choice.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theAppSheetIsTheBuildsBinaryFormAndItsRulesApply(FxRobot robot) {
        assertThat(scene.getStylesheets()).singleElement().asString().endsWith("/org/relaydoctor/ui/theme/app.bss");
        robot.interact(title::applyCss);
        assertThat(title.getFont().getStyle()).containsIgnoringCase("bold");
        assertThat(scene.getRoot().getStyleClass()).contains("theme-light");
    }

    @Test
    void theThemeInUseIsTheBuildsTrimmedPrimer(FxRobot robot) {
        assertThat(Application.getUserAgentStylesheet()).endsWith("/org/relaydoctor/ui/theme/primer-light.bss");
        Themes themes = new Themes();
        robot.interact(() -> themes.attach(scene, Themes.Choice.DARK));
        assertThat(Application.getUserAgentStylesheet()).endsWith("/org/relaydoctor/ui/theme/primer-dark.bss");
        robot.interact(() -> themes.select(Themes.Choice.LIGHT));
        assertThat(Application.getUserAgentStylesheet()).endsWith("/org/relaydoctor/ui/theme/primer-light.bss");
    }

    @Test
    void theControlsTheAppUsesLookAsWithTheFullPrimerTheme(FxRobot robot) {
        for (boolean dark : new boolean[] {false, true}) {
            String full = dark ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS();
            List<String> withFull = new ArrayList<>();
            List<String> withTrimmed = new ArrayList<>();
            robot.interact(() -> withFull.addAll(looks(full)));
            robot.interact(() -> withTrimmed.addAll(looks(Themes.primer(dark))));
            assertThat(withTrimmed).as(dark ? "dark" : "light").hasSizeGreaterThan(300).isEqualTo(withFull);
        }
        robot.interact(() -> Application.setUserAgentStylesheet(Themes.primer(false)));
    }

    @Test
    void noNodeOfTheControlsTheAppUsesCarriesADroppedStyleClass(FxRobot robot) {
        DroppedStyles dropped = DroppedStyles.read();
        List<String> carried = new ArrayList<>();
        robot.interact(() -> {
            for (Parent root : window()) {
                root.applyCss();
                visit(root, node -> node.getStyleClass().stream().filter(dropped::dropped)
                        .forEach(c -> carried.add(node.getClass().getName() + " ." + c)));
            }
        });
        assertThat(carried).isEmpty();
    }

    @Test
    void theDroppedRulesAreGoneAndTheRestIsKept() throws IOException {
        DroppedStyles dropped = DroppedStyles.read();
        for (boolean dark : new boolean[] {false, true}) {
            Stylesheet full = Stylesheet.loadBinary(fullPrimer(dark));
            Stylesheet trimmed = Stylesheet.loadBinary(URI.create(Themes.primer(dark)).toURL());
            List<Selector> fullSelectors = selectors(full);
            List<Selector> trimmedSelectors = selectors(trimmed);

            assertThat(trimmedSelectors).noneMatch(s -> firstCompoundClasses(s).stream().anyMatch(dropped::dropped));
            assertThat(fullSelectors).filteredOn(s -> firstCompoundClasses(s).stream().anyMatch(dropped::dropped))
                    .hasSizeGreaterThan(500);
            List<String> kept = fullSelectors.stream()
                    .filter(s -> firstCompoundClasses(s).stream().noneMatch(dropped::dropped)).map(Selector::toString).toList();
            assertThat(trimmedSelectors).map(Selector::toString).isEqualTo(kept);
            // The looked-up colours every rule builds on.
            assertThat(declarations(trimmed, ".root")).isEqualTo(declarations(full, ".root")).hasSizeGreaterThan(100);
        }
    }

    @Test
    void theTrimmedThemeIsMuchSmaller() throws IOException {
        for (boolean dark : new boolean[] {false, true}) {
            URL full = fullPrimer(dark);
            URL trimmed = URI.create(Themes.primer(dark)).toURL();
            assertThat(Stylesheet.loadBinary(trimmed).getRules().size())
                    .isLessThan(Stylesheet.loadBinary(full).getRules().size() * 6 / 10);
            try (var f = full.openStream(); var t = trimmed.openStream()) {
                assertThat(t.readAllBytes().length).isLessThan(f.readAllBytes().length * 6 / 10);
            }
        }
    }

    /// AtlantaFX's own binary sheet (its theme classes name it as a path on the class path).
    private static URL fullPrimer(boolean dark) {
        String path = dark ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS();
        return PrimerLight.class.getResource(path);
    }

    /// What each node of the app's kind of window looks like with `theme` as the user-agent sheet: one line a node.
    private static List<String> looks(String theme) {
        Application.setUserAgentStylesheet(theme);
        List<String> looks = new ArrayList<>();
        for (Parent root : window()) {
            root.applyCss();
            root.layout();
            visit(root, node -> looks.add(look(node)));
        }
        return looks;
    }

    private static String look(Node node) {
        StringBuilder look = new StringBuilder(node.getClass().getName()).append(node.getStyleClass())
                .append(" opacity=").append(node.getOpacity()).append(" cursor=").append(node.getCursor())
                .append(" effect=").append(node.getEffect());
        if (node instanceof Region r) {
            look.append(" padding=").append(r.getPadding()).append(" min=").append(r.getMinWidth()).append('x')
                    .append(r.getMinHeight()).append(" pref=").append(r.getPrefWidth()).append('x').append(r.getPrefHeight())
                    .append(" background=").append(r.getBackground() == null ? null : r.getBackground().getFills())
                    .append(" border=").append(r.getBorder() == null ? null : r.getBorder().getStrokes())
                    .append(" shape=").append(r.getShape() != null);
        }
        if (node instanceof Labeled l) {
            look.append(" font=").append(l.getFont()).append(" fill=").append(l.getTextFill())
                    .append(" gap=").append(l.getGraphicTextGap()).append(" align=").append(l.getAlignment());
        }
        if (node instanceof Text t) {
            look.append(" font=").append(t.getFont()).append(" fill=").append(t.getFill());
        }
        if (node instanceof Shape s) {
            look.append(" fill=").append(s.getFill()).append(" stroke=").append(s.getStroke());
        }
        return look.toString();
    }

    /// The controls the app shows, as its views use them, each in its own scene; dialogs are roots of their own.
    private static List<Parent> window() {
        MenuBar menuBar = new MenuBar(new Menu("File", null, new MenuItem("Open")), new Menu("Help"));
        Button accent = new Button("Check");
        accent.getStyleClass().addAll("accent", "check-button");
        Button small = new Button("Fill");
        small.getStyleClass().add("small");
        ListView<String> list = new ListView<>(FXCollections.observableArrayList("alpha", "beta"));
        list.getSelectionModel().select(0);
        TableView<String> table = new TableView<>(FXCollections.observableArrayList("mx.example.org"));
        table.getColumns().add(new TableColumn<>("Host"));
        TabPane tabs = new TabPane(new Tab("Steps", new Label("1")), new Tab("Transcript", new TextArea("220 ready")));
        TitledPane more = new TitledPane("More", new VBox(new TextField("x")));
        more.setExpanded(false);
        VBox content = new VBox(menuBar, new Label("Server"), new Button("Save"), accent, small,
                new TextField("smtp.example.org"), new PasswordField(),
                new ComboBox<>(FXCollections.observableArrayList("IMAP", "POP3")),
                new ChoiceBox<>(FXCollections.observableArrayList("PDF", "HTML")), new CheckBox("Remember"),
                new RadioButton("Same"), new ToggleButton("Show"), new ProgressIndicator(), new ProgressIndicator(0.5),
                more, new TitledPane("Advanced", new Label("y")), list, tabs, table,
                new SplitPane(new ScrollPane(new Label("left")), new Label("right")));
        new Scene(content, 800, 1200);
        Alert alert = new Alert(Alert.AlertType.WARNING, "Relaying denied");
        Alert confirmation = new Alert(Alert.AlertType.CONFIRMATION, "Delete?");
        TextInputDialog rename = new TextInputDialog("Work");
        return List.of(content, alert.getDialogPane(), confirmation.getDialogPane(), rename.getDialogPane());
    }

    private static void visit(Node node, java.util.function.Consumer<Node> action) {
        action.accept(node);
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                visit(child, action);
            }
        }
    }

    private static List<Selector> selectors(Stylesheet sheet) {
        return sheet.getRules().stream().flatMap(rule -> rule.getSelectors().stream()).toList();
    }

    /// The style classes of a selector's first compound, read from its text: `*.tab-pane.floating>*.tab-header-area`
    /// gives `tab-pane` and `floating` (the selector classes that tell compounds apart are not public).
    private static List<String> firstCompoundClasses(Selector selector) {
        String first = selector.toString().split("[\\s>]", 2)[0];
        List<String> classes = new ArrayList<>(List.of(first.split(":", 2)[0].split("\\.")));
        classes.removeFirst(); // the element: * or a type such as Text
        return classes;
    }

    private static List<String> declarations(Stylesheet sheet, String selector) {
        List<String> all = new ArrayList<>();
        for (var rule : sheet.getRules()) {
            if (rule.getSelectors().stream().anyMatch(s -> s.toString().equals("*" + selector))) {
                rule.getDeclarations().forEach(d -> all.add(d.getProperty() + ": " + d.getParsedValue()));
            }
        }
        return all;
    }
}
