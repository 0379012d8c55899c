package org.relaydoctor.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DnsServerPreferenceTest {
    @TempDir
    Path config;

    @Test
    void acceptsTheFormsTheCommandLineAccepts() {
        assertThat(ShellPreferences.parseDnsServer("  ")).isEmpty();
        assertThat(ShellPreferences.parseDnsServer("1.1.1.1")).contains(InetSocketAddress.createUnresolved("1.1.1.1", 53));
        assertThat(ShellPreferences.parseDnsServer("ns.example.org:5353"))
                .contains(InetSocketAddress.createUnresolved("ns.example.org", 5353));
        assertThat(ShellPreferences.parseDnsServer("2001:db8::53")).contains(InetSocketAddress.createUnresolved("2001:db8::53", 53));
        assertThat(ShellPreferences.parseDnsServer("[2001:db8::53]:5300"))
                .contains(InetSocketAddress.createUnresolved("2001:db8::53", 5300));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1:0", "1.1.1.1:70000", "host:port", "[::1", "[::1]x", "a b", "ns.example.org:53:1", ":53"})
    void rejectsTheRest(String text) {
        assertThatThrownBy(() -> ShellPreferences.parseDnsServer(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHandEditedBadValueMeansTheSystemResolver() throws Exception {
        java.nio.file.Files.writeString(config.resolve("ui-preferences.properties"), "dnsServer=not a server\n");
        ShellPreferences preferences = new ShellPreferences(config);
        assertThat(preferences.dnsServer()).isEmpty();
        assertThat(preferences.dnsServerAddress()).isEmpty();
    }
}
