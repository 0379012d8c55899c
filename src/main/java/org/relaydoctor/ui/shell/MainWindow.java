package org.relaydoctor.ui.shell;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.relaydoctor.AppInfo;
import org.relaydoctor.diagnosis.Messages;

/// The main window: menu, profile list on the left, the work area, and a status bar.
public final class MainWindow {
    private static final String[] ICON_SIZES = {"16", "32", "48", "64", "128", "256"};

    private final Stage stage;
    private final Messages text;
    private final WindowState windowState;
    private final BorderPane root = new BorderPane();
    private final Label status = new Label();

    public MainWindow(Stage stage, Path configDir, Locale locale) {
        this.stage = stage;
        this.text = Messages.load("ui", locale);
        this.windowState = new WindowState(configDir);
        build();
    }

    /// The scene's root, for tests that mount the window's content themselves.
    public BorderPane root() {
        return root;
    }

    public void show() {
        stage.show();
    }

    private void build() {
        root.setId("mainWindow");
        root.setTop(menuBar());
        SplitPane split = new SplitPane(profilePane(), workArea());
        split.setDividerPositions(0.28);
        root.setCenter(split);
        root.setBottom(statusBar());

        Scene scene = new Scene(root);
        stage.setScene(scene);
        stage.setTitle(AppInfo.NAME);
        for (String size : ICON_SIZES) {
            InputStream in = MainWindow.class.getResourceAsStream("/org/relaydoctor/ui/icons/relay-doctor-" + size + ".png");
            if (in != null) {
                stage.getIcons().add(new Image(in));
            }
        }
        windowState.restore(stage, 1100, 720);
        stage.setOnHiding(e -> windowState.save(stage));
    }

    private MenuBar menuBar() {
        MenuItem newProfile = item("newProfileItem", "menu.file.newProfile", "Shortcut+N");
        newProfile.setOnAction(e -> status.setText(text.get("status.newProfile")));
        MenuItem export = item("exportReportItem", "menu.file.exportReport", "Shortcut+E");
        export.setDisable(true); // enabled once a check has produced a result
        MenuItem quit = item("quitItem", "menu.file.quit", "Shortcut+Q");
        quit.setOnAction(e -> {
            windowState.save(stage);
            Platform.exit();
        });
        Menu file = new Menu(text.get("menu.file"), null, newProfile, export, new SeparatorMenuItem(), quit);
        file.setId("fileMenu");

        MenuItem about = item("aboutItem", "menu.help.about", null);
        about.setOnAction(e -> showAbout());
        Menu help = new Menu(text.get("menu.help"), null, about);
        help.setId("helpMenu");

        MenuBar bar = new MenuBar(file, help);
        bar.setId("menuBar");
        return bar;
    }

    private MenuItem item(String id, String key, String accelerator) {
        MenuItem item = new MenuItem(text.get(key));
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        return item;
    }

    private StackPane profilePane() {
        ListView<String> list = new ListView<>();
        list.setId("profileList");
        Label hint = new Label(text.get("profiles.empty.text"));
        hint.setId("emptyStateText");
        hint.setWrapText(true);
        Button create = new Button(text.get("profiles.empty.create"));
        create.setId("createFirstProfileButton");
        create.setDefaultButton(true);
        create.setOnAction(e -> status.setText(text.get("status.newProfile")));
        VBox empty = new VBox(12, hint, create);
        empty.setId("emptyState");
        empty.setAlignment(Pos.CENTER);
        empty.setPadding(new Insets(24));
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(list.getItems()));
        empty.managedProperty().bind(empty.visibleProperty());
        StackPane pane = new StackPane(list, empty);
        pane.setMinWidth(220);
        return pane;
    }

    private VBox workArea() {
        Label title = new Label(text.get("welcome.title"));
        title.setId("welcomeTitle");
        title.setStyle("-fx-font-size: 1.6em; -fx-font-weight: bold;");
        Label body = new Label(text.get("welcome.body"));
        body.setWrapText(true);
        VBox area = new VBox(16, title, body);
        area.setId("workArea");
        area.setPadding(new Insets(32));
        VBox.setVgrow(body, Priority.NEVER);
        return area;
    }

    private HBox statusBar() {
        status.setId("statusText");
        status.setText(text.get("status.ready"));
        HBox bar = new HBox(status);
        bar.setId("statusBar");
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.setStyle("-fx-border-color: -fx-box-border transparent transparent transparent;");
        return bar;
    }

    private void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.initOwner(stage);
        alert.setTitle(text.get("about.title"));
        alert.setHeaderText(AppInfo.NAME + " " + AppInfo.version());
        TextArea licences = new TextArea(text.get("about.body", AppInfo.version(), Runtime.version().toString(),
                AppInfo.javafxVersion()) + "\n\n" + text.get("about.licences"));
        licences.setId("aboutText");
        licences.setEditable(false);
        licences.setWrapText(true);
        licences.setPrefRowCount(14);
        alert.getDialogPane().setContent(licences);
        alert.showAndWait();
    }
}
