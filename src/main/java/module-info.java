/// Relay Doctor: explains why an outgoing mail server refused to relay, and which setting fixes it.
module org.relaydoctor {
    // GUI (only the ui and app packages touch it)
    requires javafx.controls;
    requires atlantafx.base;

    // Mail protocols
    requires jakarta.mail;
    requires org.eclipse.angus.mail;
    requires java.naming; // certificate subject names (LdapName)

    // DNS
    requires org.dnsjava;

    // Provider autoconfiguration (Thunderbird's config-v1.1.xml over HTTPS)
    requires java.net.http;
    requires java.xml;

    // OS keychain for remembered passwords (automatic module named after java-keyring-1.0.4.jar). Its Linux
    // backend reaches the Secret Service through dbus-java, which no automatic module can require by name.
    requires java.keyring;
    requires org.freedesktop.dbus;

    // PDF reports (automatic modules named after openhtmltopdf-*.jar)
    requires openhtmltopdf.pdfbox;
    requires openhtmltopdf.core;

    // JSON, command line, logging
    requires com.fasterxml.jackson.databind;
    requires org.apache.commons.cli;
    requires org.slf4j;
    requires java.logging; // the log file (SLF4J's JDK binding, org.slf4j.jul, writes through it)

    // JavaFX creates the Application subclass reflectively, java.util.logging the log set-up and its file handler.
    exports org.relaydoctor.app to javafx.graphics, java.logging;

    opens org.relaydoctor.profile to com.fasterxml.jackson.databind;
}
