package org.relaydoctor.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.relaydoctor.profile.SessionSecretStore;
import org.relaydoctor.profile.TrustedCertificates;
import org.relaydoctor.ui.common.BackgroundTaskRunner;
import org.relaydoctor.ui.profiles.ProfileStorage;
import org.relaydoctor.ui.results.ResultsActions;
import org.relaydoctor.ui.shell.MainWindow;
import org.relaydoctor.ui.shell.ShellServices;

/// Developer tool, not a test: opens the window on an X display (Xvfb), runs the demo, and saves the README
/// screenshots (the scene's own snapshot, as PNG). Usage in README.md ("Taking the screenshots").
public final class ScreenshotTour {
    private ScreenshotTour() {}

    /// Kept apart from the Application class so the tour starts on the class path.
    public static void main(String[] args) {
        Application.launch(Tour.class, args);
    }

    /// The tour itself.
    public static final class Tour extends Application {
    private final Deque<Runnable> steps = new ArrayDeque<>();
    private Stage stage;
    private MainWindow window;
    private Path out;

    @Override
    public void start(Stage stage) throws Exception {
        this.stage = stage;
        out = Path.of(getParameters().getUnnamed().isEmpty() ? "packaging/screenshots" : getParameters().getUnnamed().getFirst());
        Files.createDirectories(out);
        Path config = Files.createTempDirectory("relay-doctor-tour");
        BuiltInDemo demo = new BuiltInDemo();
        ShellServices services = new ShellServices(config, ProfileStorage.inMemory(), new SessionSecretStore(),
                new BackgroundTaskRunner(), Optional.of(EngineCheckRunner.factory(new TrustedCertificates(config))),
                ResultsActions.none(),
                Optional.of(demo));
        // --locale=ru --size=800x560 check how the window looks in a longer language or a small window.
        Locale locale = Locale.forLanguageTag(getParameters().getNamed().getOrDefault("locale", "en"));
        String[] size = getParameters().getNamed().getOrDefault("size", "1280x800").split("x");
        window = new MainWindow(stage, services, locale);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(Double.parseDouble(size[0]));
        stage.setHeight(Double.parseDouble(size[1]));
        window.show();
        step(() -> button("#tryDemoButton").fire());
        waitUntil(() -> find("#verdictCard") != null);
        settle();
        step(() -> shoot("results.png"));
        step(() -> tabs().getSelectionModel().select(0));
        settle();
        step(() -> shoot("editor.png"));
        // Check a few more demo profiles so the list shows verdicts of several colours.
        for (int i = 1; i <= 3; i++) {
            int index = i;
            step(() -> window.profiles().selectedProperty().set(window.profiles().entries().get(index)));
            step(() -> button("#checkButton").fire());
            waitUntil(() -> find("#verdictCard") != null && !button("#checkButton").isDisabled());
        }
        step(() -> window.profiles().selectedProperty().set(window.profiles().entries().getFirst()));
        step(() -> tabs().getSelectionModel().select(0));
        settle();
        step(() -> shoot("main-window.png"));
        step(() -> button("#explainButton").fire());
        step(() -> ((javafx.scene.control.TextArea) find("#explainInput")).setText("""
                Your message did not reach some or all of the intended recipients.
                Subject: Invoice
                The following recipient(s) cannot be reached:
                friend@example.org on 28.11.2026 10:15
                Server error: '550 5.7.1 Unable to relay'"""));
        waitUntil(() -> find("#verdictCard") != null && find("#verdictCard").isVisible());
        settle();
        step(() -> shoot("explain.png"));
        step(() -> {
            demo.close();
            Platform.exit();
        });
        Timeline ticker = new Timeline(new KeyFrame(Duration.millis(700), e -> {
            if (!steps.isEmpty()) {
                steps.pollFirst().run();
            }
        }));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    private void step(Runnable r) {
        steps.addLast(r);
    }

    /// Xvfb's software rendering lags on a busy machine: give the screen a few ticks to catch up.
    private void settle() {
        for (int i = 0; i < 5; i++) {
            step(() -> {});
        }
    }

    private void waitUntil(BooleanSupplier condition) {
        steps.addLast(new Runnable() {
            @Override
            public void run() {
                if (!condition.getAsBoolean()) {
                    steps.addFirst(this);
                }
            }
        });
    }

    private Node find(String id) {
        return stage.getScene().getRoot().lookup(id);
    }

    private Button button(String id) {
        return (Button) find(id);
    }

    private TabPane tabs() {
        return (TabPane) find("#workTabs");
    }

    /// Saves what the window shows: JavaFX's own snapshot of the scene, written as PNG.
    private void shoot(String name) {
        javafx.scene.image.WritableImage image = stage.getScene().snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        java.awt.image.BufferedImage png = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        png.setRGB(0, 0, w, h, argb, 0, w);
        try {
            javax.imageio.ImageIO.write(png, "png", out.resolve(name).toFile());
            System.out.println("Saved " + out.resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Screenshot failed", e);
        }
    }
}
}
