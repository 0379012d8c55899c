package org.relaydoctor.ui.common;

import java.util.Optional;
import javafx.collections.MapChangeListener;
import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/// Tooltips made when the pointer first comes over their control, not with the window. A Tooltip is a popup
/// window with its own scene and CSS, 1–2 ms each at start-up, and the profile editor alone has some twenty.
///
/// Until then the control keeps the text and gives it to screen readers as its accessible help, which is what
/// JavaFX reads from a real tooltip. The tooltip is made on the pointer's entry; JavaFX starts its show timer on
/// the mouse move that follows, so it still appears on that first hover.
public final class LazyTooltip {
    /// The key of a control's hint in its properties.
    private static final Object HINT = new Object();
    /// As wide as a long (Russian) sentence reads comfortably; wider, a wrapped hint runs across the screen.
    private static final double WRAPPED_MAX_WIDTH = 420;

    /// What the tooltip will show, and whether it wraps (several sentences) or stays one line.
    private record Hint(String text, boolean wrapped) {}

    private LazyTooltip() {}

    /// Gives `control` a one-line tooltip with `text`; again on the same control, changes the text.
    public static void install(Control control, String text) {
        set(control, new Hint(text, false));
    }

    /// Gives `control` a tooltip of several sentences, wrapped at 420 px; again on the same control, changes it.
    public static void installWrapped(Control control, String text) {
        set(control, new Hint(text, true));
    }

    /// The text the control's tooltip shows or will show at the first hover; empty when it has none.
    public static Optional<String> text(Control control) {
        Tooltip made = control.getTooltip();
        if (made != null) {
            return Optional.ofNullable(made.getText());
        }
        return hint(control).map(Hint::text);
    }

    /// Gives `twin` the hint of `control`, now and whenever it is set again: two controls that stand for one
    /// setting (a password field and its visible twin) explain it alike.
    public static void mirror(Control control, Control twin) {
        Runnable copy = () -> hint(control).ifPresent(h -> set(twin, h));
        copy.run();
        control.getProperties().addListener((MapChangeListener<Object, Object>) change -> {
            if (change.getKey() == HINT && change.wasAdded()) {
                copy.run();
            }
        });
    }

    private static Optional<Hint> hint(Control control) {
        return Optional.ofNullable((Hint) control.getProperties().get(HINT));
    }

    private static void set(Control control, Hint hint) {
        Hint before = (Hint) control.getProperties().put(HINT, hint);
        String help = control.getAccessibleHelp();
        // A help text of the caller's own (a field's error message) stays; one that only stood for the hint follows it.
        if (help == null || help.isEmpty() || before != null && help.equals(before.text())) {
            control.setAccessibleHelp(hint.text());
        }
        Tooltip made = control.getTooltip();
        if (made != null) {
            shape(made, hint);
        } else if (before == null) {
            makeOnFirstHover(control);
        }
    }

    private static void makeOnFirstHover(Control control) {
        EventHandler<MouseEvent> make = new EventHandler<>() {
            @Override
            public void handle(MouseEvent event) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                control.removeEventHandler(MouseEvent.MOUSE_MOVED, this);
                if (control.getTooltip() == null) {
                    Tooltip tooltip = new Tooltip();
                    shape(tooltip, hint(control).orElseThrow());
                    control.setTooltip(tooltip);
                }
            }
        };
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, make);
        // A control that appears under a resting pointer gets no entry; its first move makes the tooltip instead.
        control.addEventHandler(MouseEvent.MOUSE_MOVED, make);
    }

    private static void shape(Tooltip tooltip, Hint hint) {
        tooltip.setText(hint.text());
        tooltip.setWrapText(hint.wrapped());
        tooltip.setMaxWidth(hint.wrapped() ? WRAPPED_MAX_WIDTH : Control.USE_COMPUTED_SIZE);
    }
}
