package org.relaydoctor.ui.shell;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/// What the window's first frame shows in place of the menu bar: the menus' titles, laid out and styled as the
/// theme lays out the real bar, without its machinery. A real menu bar, with its items, shortcuts and a popup window
/// with its own scene for every menu, took about a tenth of the time to the first frame; it is made and replaces this
/// one at the user's first input (see {@link MainWindow#showQuickly()}).
final class MenuBarStandIn {
    static final String STYLE_CLASS = "menu-bar-stand-in";

    private MenuBarStandIn() {}

    /// A look-alike of a menu bar with menus of these titles (mnemonic marks and all), with the same style classes as
    /// the real bar's parts (app.css evens out the rest).
    static Region of(List<String> menuTitles) {
        HBox container = new HBox();
        container.getStyleClass().setAll("container");
        for (String menu : menuTitles) {
            Label title = new Label(withoutMnemonic(menu));
            title.getStyleClass().setAll("menu-button");
            container.getChildren().add(title);
        }
        HBox standIn = new HBox(container);
        standIn.getStyleClass().setAll("menu-bar", STYLE_CLASS);
        return standIn;
    }

    /// "_File" → "File" and "A__B" → "A_B", as JavaFX shows a menu title with mnemonic parsing on.
    static String withoutMnemonic(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        boolean marked = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_' && i + 1 < text.length()) {
                if (text.charAt(i + 1) == '_') {
                    shown.append('_');
                    i++;
                    continue;
                }
                if (!marked) {
                    marked = true;
                    continue;
                }
            }
            shown.append(c);
        }
        return shown.toString();
    }
}
