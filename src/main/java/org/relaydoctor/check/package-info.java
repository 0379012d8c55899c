/// Runs a whole check of an account: DNS, reachability, the probes, the diagnosis; reports progress.
package org.relaydoctor.check;
