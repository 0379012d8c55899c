/// The results of a check: the verdict card and the Steps, DNS, TLS, Transcript and Findings tabs.
package org.relaydoctor.ui.results;
