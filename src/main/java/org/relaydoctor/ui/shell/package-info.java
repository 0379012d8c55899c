/// The main window: menu, profile pane, work area, status bar, remembered bounds.
package org.relaydoctor.ui.shell;
