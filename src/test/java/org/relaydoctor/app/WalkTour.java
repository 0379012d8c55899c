package org.relaydoctor.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.relaydoctor.dns.ProviderCatalog;
import org.relaydoctor.profile.AccountSetupSuggestions;
import org.relaydoctor.profile.SessionSecretStore;
import org.relaydoctor.profile.TrustedCertificates;
import org.relaydoctor.ui.common.BackgroundTaskRunner;
import org.relaydoctor.ui.profiles.ProfileStorage;
import org.relaydoctor.ui.results.ReportExport;
import org.relaydoctor.ui.shell.MainWindow;
import org.relaydoctor.ui.shell.ShellServices;

/// Developer tool, not a test: walks every screen a user meets — empty state, a new profile with validation
/// messages, Fill from provider, the demo with its live steps and results tabs, cancel, Explain, About, the
/// export dialog, the dark theme — and saves a PNG of each (and of any dialog open at the time), to be looked
/// at when changing the UI. Usage as ScreenshotTour's (README, "For developers"), with its own class name.
public final class WalkTour {
    private WalkTour() {}

    public static void main(String[] args) {
        Application.launch(Walk.class, args);
    }

    /// The walk itself.
    public static final class Walk extends Application {
        private final Deque<Runnable> steps = new ArrayDeque<>();
        private Stage stage;
        private MainWindow window;
        private Path out;

        @Override
        public void start(Stage stage) throws Exception {
            this.stage = stage;
            out = Path.of(getParameters().getUnnamed().isEmpty() ? "target/walk" : getParameters().getUnnamed().getFirst());
            Files.createDirectories(out);
            Path config = Files.createTempDirectory("relay-doctor-walk");
            BuiltInDemo demo = new BuiltInDemo();
            Locale locale = Locale.forLanguageTag(getParameters().getNamed().getOrDefault("locale", "en"));
            BackgroundTaskRunner tasks = new BackgroundTaskRunner();
            ShellServices services = new ShellServices(config, ProfileStorage.inMemory(), new SessionSecretStore(),
                    tasks, Optional.of(EngineCheckRunner.factory(new TrustedCertificates(config))),
                    new ReportExport(stage, tasks, locale, config, f -> Optional.empty()).actions(), Optional.of(demo))
                    .withSuggestions(new AccountSetupSuggestions(List.of(
                            email -> ProviderCatalog.bundled().byDomainSource().suggest(email))));
            String[] size = getParameters().getNamed().getOrDefault("size", "1280x800").split("x");
            window = new MainWindow(stage, services, locale);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(Double.parseDouble(size[0]));
            stage.setHeight(Double.parseDouble(size[1]));
            window.show();
            settle();
            shoot("01-empty");
            step(() -> button("#createFirstProfileButton").fire());
            settle();
            shoot("02-new-profile");
            step(() -> {
                field("#emailField").setText("anna@");
                field("#incomingHostField").setText("imap://mail.example.ru");
                field("#outgoingHostField").setText("smtp.example.ru:587");
            });
            settle();
            shoot("03-validation-top");
            step(() -> {
                field("#outgoingPortField").setText("99999");
                field("#timeoutField").setText("0");
                ((ScrollPane) find("#profileEditor")).setVvalue(1);
            });
            settle();
            shoot("04-validation-bottom");
            step(() -> {
                field("#outgoingPortField").setText("465");
                field("#outgoingHostField").setText("smtp.example.ru");
                ((ScrollPane) find("#profileEditor")).setVvalue(1);
            });
            settle();
            shoot("05-port-warning");
            step(() -> {
                ((ScrollPane) find("#profileEditor")).setVvalue(0);
                field("#emailField").setText("anna@yandex.ru");
            });
            step(() -> button("#fillFromProviderButton").fire());
            waitUntil(() -> !((Node) find("#providerSuggestions")).isDisabled()
                    && !((javafx.scene.Parent) find("#providerSuggestions")).getChildrenUnmodifiable().isEmpty());
            settle();
            shoot("06-fill-from-provider");
            step(() -> button("#useSuggestion0").fire());
            settle();
            shoot("07-filled");
            step(() -> fire("#demoItem"));
            waitUntil(() -> find("#stepList") != null && window.profiles().entries().size() > 1);
            shoot("08-check-running");
            waitUntil(() -> find("#verdictCard") != null && !button("#checkButton").isDisabled());
            settle();
            shoot("09-results");
            step(() -> ((ScrollPane) find("#verdictScroll")).setVvalue(1));
            settle();
            shoot("10-results-card-bottom");
            String[] tabs = {"steps", "dns", "tls", "transcript", "findings"};
            for (int i = 0; i < tabs.length; i++) {
                int index = i;
                step(() -> resultTabs().getSelectionModel().select(index));
                settle();
                shoot("11-tab-" + index + "-" + tabs[i]);
            }
            step(() -> ((TextField) find("#transcriptSearch")).setText("AUTH"));
            step(() -> resultTabs().getSelectionModel().select(3));
            settle();
            shoot("12-transcript-search");
            step(() -> {
                Node apply = find("#applyFixButton");
                if (apply instanceof Button b) {
                    b.fire();
                }
            });
            settle();
            shoot("13-fix-applied");
            step(() -> ((TabPane) find("#workTabs")).getSelectionModel().select(0));
            settle();
            shoot("14-editor-demo");
            step(() -> ((ScrollPane) find("#profileEditor")).setVvalue(1));
            settle();
            shoot("15-editor-demo-bottom");
            // Another demo profile: cancel it while it runs.
            step(() -> window.profiles().selectedProperty().set(window.profiles().entries().get(2)));
            step(() -> button("#checkButton").fire());
            step(() -> button("#cancelButton").fire());
            settle();
            shoot("16-cancelled");
            step(() -> Platform.runLater(() -> button("#exportReportButton").fire()));
            settle();
            shoot("17-export-dialog");
            step(this::closeDialogs);
            step(() -> Platform.runLater(() -> fire("#aboutItem")));
            settle();
            shoot("18-about");
            step(this::closeDialogs);
            step(() -> Platform.runLater(() -> fire("#dnsServerItem")));
            step(() -> {
                for (Window w : Window.getWindows()) {
                    if (w != stage && w.getScene() != null && w.getScene().lookup("#dnsServerField") instanceof TextField f) {
                        f.setText("not a server!");
                    }
                }
            });
            settle();
            shoot("19-dns-server");
            step(this::closeDialogs);
            step(() -> button("#explainButton").fire());
            step(() -> ((TextArea) find("#explainInput")).setText("""
                    Не удается отправить сообщение. Ответ сервера: 550 5.7.1 Relaying denied
                    Протокол: SMTP, порт: 25, безопасность (SSL): нет, ошибка сервера: 550, номер ошибки: 0x800CCC79"""));
            waitUntil(() -> find("#verdictCard") != null && find("#verdictCard").isVisible());
            settle();
            shoot("20-explain");
            step(() -> fire("#theme-DARK"));
            step(() -> window.profiles().selectedProperty().set(window.profiles().entries().get(1)));
            settle();
            shoot("21-dark-results");
            step(() -> ((TabPane) find("#workTabs")).getSelectionModel().select(0));
            settle();
            shoot("22-dark-editor");
            step(() -> {
                demo.close();
                Platform.exit();
            });
            Timeline ticker = new Timeline(new KeyFrame(Duration.millis(500), e -> {
                if (!steps.isEmpty()) {
                    try {
                        steps.pollFirst().run();
                    } catch (RuntimeException ex) {
                        System.out.println("Step failed: " + ex);
                    }
                }
            }));
            ticker.setCycleCount(Timeline.INDEFINITE);
            ticker.play();
        }

        private void step(Runnable r) {
            steps.addLast(r);
        }

        private void settle() {
            for (int i = 0; i < 4; i++) {
                step(() -> {});
            }
        }

        private void waitUntil(BooleanSupplier condition) {
            long until = System.nanoTime() + 120_000_000_000L;
            steps.addLast(new Runnable() {
                @Override
                public void run() {
                    if (!condition.getAsBoolean() && System.nanoTime() < until) {
                        steps.addFirst(this);
                    }
                }
            });
        }

        private Node find(String id) {
            return stage.getScene().getRoot().lookup(id);
        }

        private Button button(String id) {
            Node n = find(id);
            return n instanceof Button b ? b : new Button();
        }

        private TextField field(String id) {
            return (TextField) find(id);
        }

        private TabPane resultTabs() {
            return (TabPane) find("#resultTabs");
        }

        private void fire(String id) {
            javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) find("#menuBar");
            for (var menu : bar.getMenus()) {
                fire(menu.getItems(), id.substring(1));
            }
        }

        private void fire(List<MenuItem> items, String id) {
            for (MenuItem item : items) {
                if (id.equals(item.getId())) {
                    item.fire();
                } else if (item instanceof javafx.scene.control.Menu m) {
                    fire(m.getItems(), id);
                }
            }
        }

        private void closeDialogs() {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
        }

        /// The window and every other window open now (dialogs), each as its own PNG.
        private void shoot(String name) {
            step(() -> {
                int n = 0;
                for (Window w : List.copyOf(Window.getWindows())) {
                    if (w.getScene() != null && w.isShowing()) {
                        save(w.getScene(), name + (w == stage ? "" : "-dialog" + (++n)) + ".png");
                    }
                }
            });
        }

        private void save(Scene scene, String file) {
            javafx.scene.image.WritableImage image = scene.snapshot(null);
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            int[] argb = new int[w * h];
            image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
            java.awt.image.BufferedImage png = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
            png.setRGB(0, 0, w, h, argb, 0, w);
            try {
                javax.imageio.ImageIO.write(png, "png", out.resolve(file).toFile());
                System.out.println("Saved " + out.resolve(file));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Screenshot failed", e);
            }
        }
    }
}
