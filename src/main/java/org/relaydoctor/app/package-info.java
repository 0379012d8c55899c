/// Start-up and wiring: decides between the command line and the window, and builds the object graph.
package org.relaydoctor.app;
