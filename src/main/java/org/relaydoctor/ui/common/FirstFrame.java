package org.relaydoctor.ui.common;

import javafx.application.Platform;
import javafx.scene.Scene;

/// Work that the window's first frame should not wait for, nor compete with for the other core.
public final class FirstFrame {
    private FirstFrame() {}

    /// Runs `action` on the FX thread once the first pulse has laid out `scene` and handed it to the renderer.
    public static void then(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
