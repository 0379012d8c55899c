/// Built-in demo mail servers on 127.0.0.1: a scriptable SMTP server and a POP3/IMAP server, each scenario
/// behaving like one restriction; used by `relay-doctor demo` and by the engine's tests.
package org.relaydoctor.demo;
