// SPDX-License-Identifier: Apache-2.0
// The yardstick of issue 9: the smallest JavaFX window, timed like Relay Doctor (process start to first window).
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
        stage.setScene(new Scene(new Label("Hello"), 400, 300));
        stage.show();
        long ms = ProcessHandle.current().info().startInstant()
                .map(t -> Duration.between(t, Instant.now()).toMillis()).orElse(-1L);
        if (Boolean.getBoolean("relaydoctor.exitAfterShown")) {
            Platform.runLater(() -> {
                System.out.println("Window shown " + ms + " ms after process start");
                Platform.exit();
            });
        }
    }

    public static void main(String[] args) {
        launch(args);
    }
}
