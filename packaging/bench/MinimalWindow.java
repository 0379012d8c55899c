// SPDX-License-Identifier: Apache-2.0
// The yardstick of issue 9: the smallest JavaFX window, timed like Relay Doctor (process start to its first frame).
import java.time.Duration;
import java.time.Instant;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

public class MinimalWindow extends Application {
    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new Label("Hello"), 400, 300);
        stage.setScene(scene);
        if (Boolean.getBoolean("relaydoctor.exitAfterShown")) {
            // At the first frame, as Relay Doctor reports it: once the first pulse has laid the window out.
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                Platform.runLater(() -> {
                    long ms = ProcessHandle.current().info().startInstant()
                            .map(t -> Duration.between(t, Instant.now()).toMillis()).orElse(-1L);
                    System.out.println("Window shown " + ms + " ms after process start");
                    Platform.exit();
                });
            };
            scene.addPostLayoutPulseListener(once[0]);
        }
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
