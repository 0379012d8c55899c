package org.relaydoctor.ui.common;

import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import org.relaydoctor.diagnosis.Messages;

/// OK, Cancel and Close in the window's language. JavaFX's own ButtonType.OK and friends follow the system's
/// language and have no Russian or Ukrainian texts, so a Russian window showed "Cancel".
public record DialogButtons(ButtonType ok, ButtonType cancel, ButtonType close) {

    public static DialogButtons of(Messages text) {
        return new DialogButtons(new ButtonType(text.get("dialog.ok"), ButtonData.OK_DONE),
                new ButtonType(text.get("dialog.cancel"), ButtonData.CANCEL_CLOSE),
                new ButtonType(text.get("dialog.close"), ButtonData.CANCEL_CLOSE));
    }
}
