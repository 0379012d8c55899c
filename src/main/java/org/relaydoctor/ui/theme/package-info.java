/// Light and dark themes (AtlantaFX Primer) following the system colour scheme, plus the app's own style sheet.
package org.relaydoctor.ui.theme;
