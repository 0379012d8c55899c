/// The JavaFX desktop face: one sub-package per screen, views bound to observable models.
package org.relaydoctor.ui;
