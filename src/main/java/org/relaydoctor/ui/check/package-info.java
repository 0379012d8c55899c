/// Running a check from the GUI: the background service, the live step list, the check pane.
package org.relaydoctor.ui.check;
