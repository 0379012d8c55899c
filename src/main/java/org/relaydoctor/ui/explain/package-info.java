/// The "Explain an error" view: paste or drop an error text, see the verdict at once.
package org.relaydoctor.ui.explain;
