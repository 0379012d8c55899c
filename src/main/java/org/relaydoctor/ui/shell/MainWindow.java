package org.relaydoctor.ui.shell;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Worker;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.relaydoctor.AppInfo;
import org.relaydoctor.check.CheckOptions;
import org.relaydoctor.check.TestMessage;
import org.relaydoctor.ui.check.TestSendDialog;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.ProfileProblem;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.StoredProfile;
import org.relaydoctor.ui.check.CheckProgress;
import org.relaydoctor.ui.check.CheckService;
import org.relaydoctor.ui.check.CheckView;
import org.relaydoctor.ui.explain.ExplainView;
import org.relaydoctor.diagnosis.ExtractedFacts;
import org.relaydoctor.ui.profiles.ProfileEditorView;
import org.relaydoctor.ui.profiles.ProfileEditorViewModel;
import org.relaydoctor.ui.profiles.ProfileListView;
import org.relaydoctor.ui.profiles.ProfileListViewModel;
import org.relaydoctor.ui.results.ResultsView;
import org.relaydoctor.ui.common.FirstFrame;
import org.relaydoctor.ui.common.LazyTooltip;
import org.relaydoctor.ui.theme.Themes;

/// The main window: menu, profile list on the left, the work area (editor, check, results), and a status bar.
/// The state lives in the ViewModels and the check service; the views are rebuilt from them when the
/// language changes.
public final class MainWindow {
    /// Narrower, the editor's labels and the verdict card's wrapped text become unreadable.
    private static final double WORK_MIN_WIDTH = 460;
    private static final String[] ICON_SIZES = {"16", "32", "48", "64", "128", "256"};
    /// The languages offered in the menu; an empty tag means the system's.
    private static final List<String> LANGUAGES = List.of("", "en", "ru", "uk");
    /// The menus' titles, in order: of the real bar and of its first-frame look-alike.
    private static final List<String> MENUS = List.of("menu.file", "menu.check", "menu.view", "menu.help");
    private static final java.util.Set<javafx.event.EventType<MouseEvent>> NOT_AN_ACT = java.util.Set.of(
            MouseEvent.MOUSE_ENTERED, MouseEvent.MOUSE_ENTERED_TARGET, MouseEvent.MOUSE_EXITED,
            MouseEvent.MOUSE_EXITED_TARGET);

    private final Stage stage;
    private final ShellServices services;
    private final WindowState windowState;
    private final ShellPreferences preferences;
    private final Themes themes = new Themes();
    private final Locale systemLocale;
    private final BorderPane root = new BorderPane();
    private final Label status;
    private final ProfileListViewModel profiles;
    private final CheckProgress progress = new CheckProgress(Platform::runLater);
    private final CheckService checkService;
    private final Map<String, CheckResult> results = new HashMap<>();
    private final ObjectProperty<CheckResult> shownResult = new SimpleObjectProperty<>(this, "shownResult");
    private final PauseTransition saveDebounce = new PauseTransition(Duration.millis(600));
    /// Whether the window has its real menu bar: from show(), or from completeMenuBar() after showQuickly().
    private boolean realMenuBar;
    /// Counts the profile panes made (one more at each language switch): a pane's waiting work checks it is the latest.
    private int profilePaneGeneration;
    private final EventHandler<InputEvent> firstInput = e -> {
        // A window that opens under a resting pointer is entered without anybody acting.
        if (!(e instanceof MouseEvent m) || !NOT_AN_ACT.contains(m.getEventType())) {
            completeMenuBar();
        }
    };
    private Messages text;
    private Messages verdicts;
    private SplitPane split;
    private TabPane workTabs;
    /// Makes the editor of the profile opened before the window was first shown: {@link #show()} runs it at once,
    /// {@link #showQuickly()} after the first frame (its 25 controls' skins and CSS took about 200 ms of that frame).
    private Runnable editorBeforeShow;
    private final CompletableFuture<Void> complete = new CompletableFuture<>();
    private String checkedProfileId;
    /// Whether the work area shows the Explain view (left when a profile is selected).
    private boolean explaining;
    /// The pasted text, kept across a language switch.
    private String explainText = "";
    /// Profiles added by the demo: checked with the demo's options (its certificate trusted).
    private final java.util.Set<String> demoProfileIds = new java.util.HashSet<>();

    public MainWindow(Stage stage, Path configDir, Locale locale) {
        this(stage, ShellServices.basic(configDir), locale);
    }

    public MainWindow(Stage stage, ShellServices services, Locale systemLocale) {
        this.stage = stage;
        this.services = services;
        this.systemLocale = systemLocale;
        this.windowState = new WindowState(services.configDir());
        this.preferences = new ShellPreferences(services.configDir());
        // The theme before the first control: a control made earlier has JavaFX load its default sheet (Modena) in vain.
        themes.select(preferences.theme());
        this.status = new Label();
        this.profiles = new ProfileListViewModel(services.profiles(), services.secrets(), services.tasks());
        this.checkService = new CheckService(options -> services.engine().orElseThrow().create(options), progress);
        saveDebounce.setOnFinished(e -> profiles.saveNow());
        profiles.setSaveRequest(saveDebounce::playFromStart);
        profiles.selectedProperty().addListener((o, was, now) -> {
            if (was == null || now == null || !was.id().equals(now.id())) {
                if (now != null) {
                    explaining = false;
                }
                showWork();
            }
        });
        checkService.setOnSucceeded(e -> checkFinished(checkService.getValue()));
        checkService.setOnFailed(e -> status.setText(text.get("status.checkFailed",
                String.valueOf(checkService.getException().getMessage()))));
        checkService.setOnCancelled(e -> {
            progress.cancelRunning();
            status.setText(text.get("status.checkCancelled"));
        });
        loadTexts();
        windowState.restore(stage, 1180, 760);
        // Sized like the window: JavaFX then skips measuring the whole content for a preferred size at show().
        Scene scene = new Scene(root, stage.getWidth(), stage.getHeight());
        stage.setScene(scene);
        themes.attach(scene, preferences.theme());
        build();
        stage.setTitle(AppInfo.NAME);
        stage.setOnHiding(e -> close());
        profiles.load(this::reportProblems, e -> status.setText(text.get("status.loadFailed", e.getMessage())));
    }

    /// The scene's root, for tests that mount the window's content themselves.
    public BorderPane root() {
        return root;
    }

    /// The profile list's state, for the composition root and tests.
    public ProfileListViewModel profiles() {
        return profiles;
    }

    public void show() {
        realMenuBar = true;
        root.setTop(menuBar());
        takeEditorBeforeShow().ifPresent(Runnable::run);
        stage.show();
        FirstFrame.then(stage.getScene(), () -> complete.complete(null));
        afterShow();
    }

    /// Shows the window as {@link #show()} does, but with a look-alike of the menu bar: the real bar is made and takes
    /// its place at the user's first input (pointer or key) or at {@link #completeMenuBar()}. Not right after the first
    /// frame: with software rendering an idle window's second frame kept a second frame buffer (3.5 MB).
    /// A saved profile's editor, too, comes in the frame after the first.
    /// The program starts this way; tests use {@link #show()}.
    public void showQuickly() {
        root.setTop(MenuBarStandIn.of(MENUS.stream().map(text::get).toList()));
        stage.getScene().addEventFilter(InputEvent.ANY, firstInput);
        stage.show();
        Optional<Runnable> fill = takeEditorBeforeShow();
        FirstFrame.then(stage.getScene(), () -> {
            if (fill.isEmpty()) {
                complete.complete(null);
                return;
            }
            fill.get().run();
            FirstFrame.then(stage.getScene(), () -> complete.complete(null)); // the frame that holds the editor
        });
        afterShow();
    }

    /// Completed once a frame holds all the window's first content: the saved profile's editor too (see
    /// {@link #showQuickly()}). The start-up benchmark times it.
    public CompletionStage<Void> complete() {
        return complete;
    }

    private Optional<Runnable> takeEditorBeforeShow() {
        Optional<Runnable> fill = Optional.ofNullable(editorBeforeShow);
        editorBeforeShow = null;
        return fill;
    }

    /// Puts the real menu bar in place of the first frame's look-alike, styled at once: the key press that asked for
    /// it may be one of the menus' shortcuts, which work only once the bar has its skin.
    public void completeMenuBar() {
        stage.getScene().removeEventFilter(InputEvent.ANY, firstInput);
        if (!realMenuBar) {
            realMenuBar = true;
            MenuBar bar = menuBar();
            root.setTop(bar);
            bar.applyCss();
        }
    }

    private void afterShow() {
        // Place the divider again once the window has its real size: a window sized after it was made (tests, a
        // window manager's own size) laid out the remembered place at the old width.
        double divider = preferences.divider();
        Platform.runLater(() -> split.setDividerPositions(divider));
        // Decoded in the background once the first frame is drawn: beside it they took the other core from it.
        FirstFrame.then(stage.getScene(), this::loadIcons);
    }

    private void loadIcons() {
        List<Image> icons = new java.util.ArrayList<>();
        for (String size : ICON_SIZES) {
            java.net.URL icon = MainWindow.class.getResource("/org/relaydoctor/ui/icons/relay-doctor-" + size + ".png");
            if (icon != null) {
                icons.add(new Image(icon.toExternalForm(), true));
            }
        }
        stage.getIcons().setAll(icons);
    }

    private void loadTexts() {
        Locale locale = preferences.language().orElse(systemLocale);
        text = Messages.load("ui", locale);
        verdicts = Messages.load("verdicts", locale);
    }

    /// (Re)builds every view from the current state in the current language.
    private void build() {
        double divider = split == null ? preferences.divider() : split.getDividerPositions()[0];
        root.setId("mainWindow");
        if (realMenuBar) { // a language switch (from the menu, so the real bar is there); show() sets the first one
            root.setTop(menuBar());
        }
        split = new SplitPane(profilePane(), new StackPane());
        split.setId("mainSplit");
        split.setDividerPositions(divider);
        // Resizable with the window: a list kept at a fixed width ignored the remembered divider whenever the
        // first layout ran at another window size (the left pane took half of a 1280-pixel window).
        root.setCenter(split);
        root.setBottom(statusBar());
        showWork();
    }

    private MenuBar menuBar() {
        MenuItem newProfile = item("newProfileItem", "menu.file.newProfile", "Shortcut+N");
        newProfile.setOnAction(e -> newProfile());
        MenuItem demo = item("demoItem", "menu.file.demo", null);
        demo.setOnAction(e -> startDemo());
        demo.setDisable(services.demo().isEmpty() || services.engine().isEmpty());
        MenuItem export = item("exportReportItem", "menu.file.exportReport", "Shortcut+E");
        export.disableProperty().bind(shownResult.isNull().or(
                Bindings.createBooleanBinding(() -> services.results().exportReport().isEmpty())));
        export.setOnAction(e -> services.results().exportReport().ifPresent(x -> x.run(shownResult.get(), text.locale(),
                status::setText)));
        MenuItem quit = item("quitItem", "menu.file.quit", "Shortcut+Q");
        quit.setOnAction(e -> {
            close();
            Platform.exit();
        });
        Menu file = new Menu(text.get(MENUS.get(0)), null, newProfile, demo, new SeparatorMenuItem(), export,
                new SeparatorMenuItem(), quit);
        file.setId("fileMenu");

        MenuItem check = item("checkItem", "menu.check.run", "Shortcut+Enter");
        check.setOnAction(e -> startCheck());
        check.disableProperty().bind(checkDisabled());
        MenuItem testSend = item("testSendItem", "menu.check.testSend", null);
        testSend.setOnAction(e -> startTestSend());
        testSend.disableProperty().bind(checkDisabled());
        MenuItem cancel = item("cancelItem", "menu.check.cancel", "Shortcut+Period");
        cancel.setOnAction(e -> checkService.cancel());
        cancel.disableProperty().bind(checkService.runningProperty().not());
        MenuItem explain = item("explainItem", "menu.check.explain", "Shortcut+Shift+E");
        explain.setOnAction(e -> showExplain());
        MenuItem dns = item("dnsServerItem", "menu.check.dnsServer", null);
        dns.setOnAction(e -> editDnsServer());
        Menu checkMenu = new Menu(text.get(MENUS.get(1)), null, check, testSend, cancel, new SeparatorMenuItem(), dns,
                new SeparatorMenuItem(), explain);
        checkMenu.setId("checkMenu");

        Menu language = new Menu(text.get("menu.view.language"));
        language.setId("languageMenu");
        ToggleGroup languages = new ToggleGroup();
        String current = preferences.language().map(Locale::getLanguage).orElse("");
        for (String tag : LANGUAGES) {
            RadioMenuItem item = new RadioMenuItem(text.get("menu.view.language." + (tag.isEmpty() ? "system" : tag)));
            item.setId("language-" + (tag.isEmpty() ? "system" : tag));
            item.setToggleGroup(languages);
            item.setSelected(tag.equals(current));
            item.setOnAction(e -> switchLanguage(tag.isEmpty() ? Optional.empty() : Optional.of(Locale.of(tag))));
            language.getItems().add(item);
        }
        Menu theme = new Menu(text.get("menu.view.theme"));
        theme.setId("themeMenu");
        ToggleGroup themeGroup = new ToggleGroup();
        for (Themes.Choice choice : Themes.Choice.values()) {
            RadioMenuItem item = new RadioMenuItem(text.get("menu.view.theme." + choice.name()));
            item.setId("theme-" + choice.name());
            item.setToggleGroup(themeGroup);
            item.setSelected(choice == themes.choice());
            item.setOnAction(e -> {
                themes.select(choice);
                preferences.setTheme(choice);
                savePreferences();
            });
            theme.getItems().add(item);
        }
        Menu view = new Menu(text.get(MENUS.get(2)), null, language, theme);
        view.setId("viewMenu");

        MenuItem about = item("aboutItem", "menu.help.about", null);
        about.setOnAction(e -> showAbout());
        Menu help = new Menu(text.get(MENUS.get(3)), null, about);
        help.setId("helpMenu");

        MenuBar bar = new MenuBar(file, checkMenu, view, help);
        bar.setId("menuBar");
        return bar;
    }

    private BooleanBinding checkDisabled() {
        return Bindings.createBooleanBinding(() -> services.engine().isEmpty() || checkService.isRunning()
                || profiles.editorProperty().get() == null || !profiles.editorProperty().get().validProperty().get(),
                checkService.runningProperty(), profiles.editorProperty(), validOfSelected());
    }

    /// An observable that fires when the selected editor's validity changes.
    private javafx.beans.Observable validOfSelected() {
        javafx.beans.property.BooleanProperty valid = new javafx.beans.property.SimpleBooleanProperty();
        Runnable rebind = () -> {
            valid.unbind();
            ProfileEditorViewModel vm = profiles.editorProperty().get();
            if (vm != null) {
                valid.bind(vm.validProperty());
            }
        };
        rebind.run();
        profiles.editorProperty().addListener((o, was, now) -> rebind.run());
        return valid;
    }

    private MenuItem item(String id, String key, String accelerator) {
        MenuItem item = new MenuItem(text.get(key));
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        return item;
    }

    private VBox profilePane() {
        Label hint = new Label(text.get("profiles.empty.text"));
        hint.setId("emptyStateText");
        hint.setWrapText(true);
        Button create = new Button(text.get("profiles.empty.create"));
        create.setId("createFirstProfileButton");
        create.setDefaultButton(true);
        create.setOnAction(e -> newProfile());
        Button demo = new Button(text.get("profiles.empty.demo"));
        demo.setId("tryDemoButton");
        LazyTooltip.install(demo, text.get("profiles.empty.demo.tooltip"));
        demo.setDisable(services.demo().isEmpty() || services.engine().isEmpty());
        demo.setOnAction(e -> startDemo());
        Button emptyExplain = explainButton("emptyExplainButton");
        // Wrapped, never cut: in Russian these labels are wider than the list in a small window.
        for (Button b : List.of(create, demo, emptyExplain)) {
            b.setWrapText(true);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        }
        VBox empty = new VBox(12, hint, create, demo, emptyExplain);
        empty.setId("emptyState");
        empty.setAlignment(Pos.CENTER);
        empty.setPadding(new Insets(24));
        empty.getStyleClass().add("empty-state");
        // Not while the profiles are still being read: someone with saved profiles would see "no profiles yet" for a moment.
        BooleanBinding someProfiles = Bindings.isNotEmpty(profiles.entries());
        empty.visibleProperty().bind(profiles.loadedProperty().and(someProfiles.not()));
        empty.managedProperty().bind(empty.visibleProperty());
        StackPane stack = new StackPane(empty);
        VBox.setVgrow(stack, Priority.ALWAYS);
        // The list (search field, list, buttons, menu) is built when there is a first profile to show: a window
        // without profiles never builds it, and with profiles it is built as their load arrives.
        Runnable addList = () -> {
            ProfileListView list = new ProfileListView(profiles, text, verdicts);
            list.visibleProperty().bind(someProfiles);
            stack.getChildren().addFirst(list);
        };
        int generation = ++profilePaneGeneration;
        if (profiles.entries().isEmpty()) {
            profiles.entries().addListener(new javafx.collections.ListChangeListener<StoredProfile>() {
                @Override
                public void onChanged(Change<? extends StoredProfile> change) {
                    if (profiles.entries().isEmpty()) {
                        return;
                    }
                    profiles.entries().removeListener(this);
                    // Not for a pane a language switch has replaced. (Not asked of the scene: the split pane makes its
                    // items children only with its skin, so a load before the first frame found none.)
                    if (generation == profilePaneGeneration) {
                        addList.run();
                    }
                }
            });
        } else {
            addList.run();
        }
        Button explain = explainButton("explainButton");
        explain.visibleProperty().bind(someProfiles);
        explain.managedProperty().bind(explain.visibleProperty());
        explain.setMaxWidth(Double.MAX_VALUE);
        VBox pane = new VBox(stack, explain);
        pane.setMinWidth(240);
        return pane;
    }

    private Button explainButton(String id) {
        Button button = new Button(text.get("explain.open"));
        button.setId(id);
        LazyTooltip.install(button, text.get("explain.open.tooltip"));
        button.setOnAction(e -> showExplain());
        return button;
    }

    /// Shows the Explain view in the work area; choosing a profile goes back to it.
    private void showExplain() {
        explaining = true;
        profiles.selectedProperty().set(null);
        showWork();
    }

    private Node explainWork() {
        ExplainView view = new ExplainView(text.locale(), this::checkExplainedAccount);
        view.setText(explainText);
        shownResult.set(null);
        Node node = view.root();
        node.sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                explainText = view.text();
            }
        });
        view.focusInput();
        return node;
    }

    /// "Check this account" in the Explain view: a new profile with what the text revealed.
    private void checkExplainedAccount(ExtractedFacts facts) {
        String name = facts.account().or(facts::sender).orElse(text.get("profiles.new.name"));
        profiles.createNew(name);
        ProfileEditorViewModel editor = profiles.editorProperty().get();
        if (editor != null) {
            facts.sender().or(facts::account).filter(a -> a.contains("@")).ifPresent(editor.emailProperty()::set);
            facts.outgoingServer().ifPresent(editor.outgoingHostProperty()::set);
            facts.ssl().ifPresent(ssl -> editor.outgoingSecurityProperty()
                    .set(ssl ? Security.SSL_TLS : Security.NONE));
            facts.port().ifPresent(port -> editor.outgoingPortProperty().set(String.valueOf(port)));
        }
        status.setText(text.get("status.newProfile"));
    }

    /// Shows the welcome text without a selection, else the selected profile's editor and check.
    private void showWork() {
        if (split == null) {
            return;
        }
        StoredProfile selected = profiles.selectedProperty().get();
        Node work = explaining ? explainWork() : selected == null ? welcome() : profileWork(selected);
        // The list may shrink to its minimum, the work area not below what its forms need.
        if (work instanceof Region region) {
            region.setMinWidth(WORK_MIN_WIDTH);
        }
        // Replacing an item resets the divider to the middle: keep where the user (or the preference) put it.
        double divider = split.getDividerPositions()[0];
        split.getItems().set(1, work);
        split.setDividerPositions(divider);
    }

    private Node welcome() {
        Label title = new Label(text.get("welcome.title"));
        title.setId("welcomeTitle");
        title.getStyleClass().add("welcome-title");
        Label body = new Label(text.get("welcome.body"));
        body.setWrapText(true);
        VBox area = new VBox(16, title, body);
        area.setId("workArea");
        area.setPadding(new Insets(32));
        shownResult.set(null);
        return area;
    }

    private Node profileWork(StoredProfile entry) {
        ProfileEditorViewModel editor = profiles.editorFor(entry);
        Label name = new Label();
        name.getStyleClass().add("profile-title");
        name.setMinWidth(100);
        name.setId("profileTitle");
        name.textProperty().bind(Bindings.createStringBinding(() -> editor.profileNameProperty().get().isBlank()
                ? editor.emailProperty().get() : editor.profileNameProperty().get(),
                editor.profileNameProperty(), editor.emailProperty()));
        Button check = new Button(text.get("check.run"));
        check.setId("checkButton");
        check.getStyleClass().addAll("accent", "check-button");
        LazyTooltip.install(check, text.get(services.engine().isPresent() ? "check.run.tooltip" : "check.run.noEngine"));
        check.setAccessibleText(text.get("check.run.tooltip"));
        check.disableProperty().bind(checkDisabled());
        check.setOnAction(e -> startCheck());
        check.setMinWidth(Region.USE_PREF_SIZE);
        Button cancel = new Button(text.get("check.cancel"));
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setId("cancelButton");
        LazyTooltip.install(cancel, text.get("check.cancel.tooltip"));
        cancel.visibleProperty().bind(checkService.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> checkService.cancel());
        Label invalid = new Label(text.get("check.invalid"));
        invalid.setId("checkInvalidHint");
        invalid.getStyleClass().add("field-error");
        invalid.setWrapText(true);
        invalid.visibleProperty().bind(editor.validProperty().not());
        invalid.managedProperty().bind(invalid.visibleProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // The hint on a line of its own: beside the buttons it squeezed the profile's name down to "…".
        HBox titleRow = new HBox(10, name, gap, cancel, check);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(4, titleRow, invalid);
        header.getStyleClass().add("work-header");

        Tab settings = new Tab(text.get("work.tab.settings"));
        settings.setId("settingsTab");
        Runnable fillSettings = () -> settings.setContent(
                new ProfileEditorView(editor, text, rememberNote(), services.suggestions()));
        if (stage.isShowing()) {
            fillSettings.run();
        } else {
            editorBeforeShow = fillSettings;
        }
        StackPane checkArea = new StackPane();
        checkArea.setId("checkArea");
        Tab checkTab = new Tab(text.get("work.tab.check"), checkArea);
        checkTab.setId("checkTab");
        // Filled when first shown: in a hidden tab its list still cost a skin and a CSS pass whenever a profile was opened.
        checkTab.selectedProperty().subscribe(shown -> {
            if (shown && checkArea.getChildren().isEmpty()) {
                checkArea.getChildren().add(new CheckView(progress, text));
            }
        });
        workTabs = new TabPane(settings, checkTab);
        workTabs.setId("workTabs");
        workTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        CheckResult last = checkService.isRunning() && entry.id().equals(checkedProfileId) ? null : results.get(entry.id());
        shownResult.set(last);
        if (last != null) {
            showResult(last, editor);
            workTabs.getSelectionModel().select(checkTab);
        } else if (checkService.isRunning() && entry.id().equals(checkedProfileId)) {
            workTabs.getSelectionModel().select(checkTab);
        }
        BorderPane work = new BorderPane(workTabs);
        work.setTop(header);
        work.setId("profileWork");
        return work;
    }

    private javafx.beans.value.ObservableValue<String> rememberNote() {
        Messages profileTexts = Messages.load("profile", text.locale());
        return profiles.secretAvailabilityProperty().map(a -> profileTexts.get(a.messageKey(), a.backend(), a.reason()));
    }

    private void newProfile() {
        profiles.createNew(text.get("profiles.new.name"));
        status.setText(text.get("status.newProfile"));
    }

    private void startCheck() {
        startCheck(Optional.empty());
    }

    /// Check > Send a test message…: the check, then one real message, after the user confirmed what and to whom.
    private void startTestSend() {
        ProfileEditorViewModel editor = profiles.editorProperty().get();
        Optional<AccountProfile> profile = editor == null ? Optional.empty() : editor.currentProfile();
        if (profile.isEmpty() || checkService.isRunning()) {
            startCheck(Optional.empty()); // says what is wrong, or does nothing while a check runs
            return;
        }
        TestSendDialog.ask(stage, profile.get(), text).ifPresent(m -> startCheck(Optional.of(m)));
    }

    private void startCheck(Optional<TestMessage> testMessage) {
        ProfileEditorViewModel editor = profiles.editorProperty().get();
        StoredProfile entry = profiles.selectedProperty().get();
        if (editor == null || entry == null || services.engine().isEmpty() || checkService.isRunning()) {
            return;
        }
        Optional<AccountProfile> profile = editor.currentProfile();
        if (profile.isEmpty()) {
            status.setText(text.get("check.invalid"));
            return;
        }
        checkedProfileId = entry.id();
        results.remove(entry.id());
        shownResult.set(null);
        progress.clear();
        if (workTabs != null) {
            Tab checkTab = workTabs.getTabs().get(1);
            ((StackPane) checkTab.getContent()).getChildren().setAll(new CheckView(progress, text));
            workTabs.getSelectionModel().select(checkTab);
        }
        status.setText(text.get("status.checking", profile.get().name()));
        CheckOptions options = demoProfileIds.contains(entry.id()) && services.demo().isPresent()
                ? services.demo().get().options(text.locale())
                : new CheckOptions(preferences.dnsServerAddress(), false, true, false, text.locale());
        if (testMessage.isPresent()) {
            options = options.withTestSend(testMessage.get());
        }
        checkService.check(profile.get(), editor.credentials(), options);
    }

    private void checkFinished(CheckResult result) {
        String id = checkedProfileId;
        results.put(id, result);
        profiles.recordVerdict(id, result.verdict().code());
        status.setText(text.get("status.checked", verdicts.get("verdict." + result.verdict().code().name() + ".title")));
        StoredProfile selected = profiles.selectedProperty().get();
        if (selected != null && selected.id().equals(id)) {
            shownResult.set(result);
            showResult(result, profiles.editorFor(selected));
        }
    }

    /// Builds the results view (only now: it is the heaviest pane) into the Check tab.
    private void showResult(CheckResult result, ProfileEditorViewModel editor) {
        if (workTabs == null) {
            return;
        }
        ResultsView view = new ResultsView(result, text, verdicts, () -> {
            boolean applied = editor.apply(result.verdict().changes());
            if (applied) {
                status.setText(text.get("status.fixApplied"));
            }
            return applied;
        }, services.results(), status::setText);
        ((StackPane) workTabs.getTabs().get(1).getContent()).getChildren().setAll(view);
    }

    private void startDemo() {
        if (services.demo().isEmpty() || services.engine().isEmpty()) {
            return;
        }
        status.setText(text.get("status.demoStarting"));
        services.tasks().run("start demo servers", services.demo().get()::start, demos -> {
            for (DemoLauncher.DemoProfile demo : demos) {
                // Named in the window's language ("Демо: нужен вход"), not by the scenario's English id.
                String key = "badge." + demo.shows().name();
                String name = text.get("demo.profileName", text.has(key) ? text.get(key) : demo.shows().name());
                StoredProfile entry = StoredProfile.create(demo.profile().withName(name)).withRememberPassword(false);
                demoProfileIds.add(entry.id());
                profiles.addForSession(entry, demo.password());
            }
            status.setText(text.get("status.demoReady", demos.size()));
            if (!demos.isEmpty()) {
                profiles.selectedProperty().set(profiles.entries().get(profiles.entries().size() - demos.size()));
                startCheck();
            }
        }, e -> status.setText(text.get("status.demoFailed", String.valueOf(e.getMessage()))));
    }

    /// Check > DNS server…: the resolver every check uses instead of the system's (blank: the system's).
    private void editDnsServer() {
        javafx.scene.control.Dialog<String> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle(text.get("dnsServer.title"));
        dialog.setHeaderText(text.get("dnsServer.header"));
        javafx.scene.control.TextField field = new javafx.scene.control.TextField(preferences.dnsServer());
        field.setId("dnsServerField");
        field.setPromptText(text.get("dnsServer.prompt"));
        field.setAccessibleText(text.get("dnsServer.title"));
        LazyTooltip.install(field, text.get("dnsServer.prompt"));
        Label error = new Label();
        error.setId("dnsServerMessage");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        VBox content = new VBox(8, field, error);
        content.setPrefWidth(420);
        dialog.getDialogPane().setContent(content);
        org.relaydoctor.ui.common.DialogButtons buttons = org.relaydoctor.ui.common.DialogButtons.of(text);
        dialog.getDialogPane().getButtonTypes().addAll(buttons.ok(), buttons.cancel());
        Node ok = dialog.getDialogPane().lookupButton(buttons.ok());
        ok.setId("dnsServerOk");
        Runnable validate = () -> {
            try {
                ShellPreferences.parseDnsServer(field.getText());
                error.setText("");
                ok.setDisable(false);
            } catch (IllegalArgumentException e) {
                error.setText(text.get("dnsServer.invalid"));
                ok.setDisable(true);
            }
        };
        field.textProperty().addListener((o, was, now) -> validate.run());
        validate.run();
        dialog.setResultConverter(b -> b == buttons.ok() ? field.getText().strip() : null);
        Platform.runLater(field::requestFocus);
        dialog.showAndWait().ifPresent(value -> {
            preferences.setDnsServer(value);
            savePreferences();
            status.setText(value.isEmpty() ? text.get("dnsServer.status.system") : text.get("dnsServer.status.set", value));
        });
    }

    private void switchLanguage(Optional<Locale> language) {
        preferences.setLanguage(language);
        savePreferences();
        loadTexts();
        build();
        status.setText(text.get("status.ready"));
    }

    private HBox statusBar() {
        status.setId("statusText");
        if (status.getText() == null || status.getText().isEmpty()) {
            status.setText(text.get("status.ready"));
        }
        Label saveProblem = new Label();
        saveProblem.setId("saveProblemText");
        saveProblem.getStyleClass().add("field-error");
        saveProblem.textProperty().bind(Bindings.createStringBinding(() -> profiles.saveProblemProperty().get() == null
                ? "" : text.get("status.saveFailed", profiles.saveProblemProperty().get()), profiles.saveProblemProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, status, gap, saveProblem);
        bar.setId("statusBar");
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void reportProblems(List<ProfileProblem> problems) {
        Messages profileTexts = Messages.load("profile", text.locale());
        status.setText(problems.stream().map(p -> profileTexts.get(p.messageKey(), p.messageArguments()))
                .reduce((a, b) -> a + " " + b).orElse(""));
    }

    private void savePreferences() {
        services.tasks().run("save preferences", () -> {
            preferences.save();
            return true;
        }, ok -> {}, e -> {});
    }

    /// Saves the layout and profiles, stops a running check and the demo servers.
    private void close() {
        windowState.save(stage);
        if (split != null) {
            preferences.setDivider(split.getDividerPositions()[0]);
        }
        preferences.save();
        if (saveDebounce.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            saveDebounce.stop();
            profiles.flush();
        }
        if (checkService.getState() == Worker.State.RUNNING || checkService.getState() == Worker.State.SCHEDULED) {
            checkService.cancel();
        }
        checkService.shutdown();
        services.demo().ifPresent(DemoLauncher::close);
    }

    private void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "",
                org.relaydoctor.ui.common.DialogButtons.of(text).close());
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
