/// Pieces every screen shares: the background-work seam, small view builders.
package org.relaydoctor.ui.common;
