/// Talking to mail servers: SMTP probes, POP3/IMAP logins, the redacted transcript.
package org.relaydoctor.probe;
