package org.relaydoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaydoctor.demo.DemoScenario;
import org.relaydoctor.demo.DemoServers;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.ProfileFiles;
import org.relaydoctor.profile.ProfileStore;
import org.relaydoctor.profile.SessionSecretStore;
import org.relaydoctor.profile.SmtpAuth;
import org.relaydoctor.profile.StoredProfile;

/// `relay-doctor check --profile NAME|FILE` against the demo servers on 127.0.0.1.
class CheckWithProfileTest {
    private static DemoServers demo;

    @TempDir
    Path home;

    private final SessionSecretStore secrets = new SessionSecretStore("test");

    @BeforeAll
    static void start() {
        demo = DemoServers.start();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    record Run(int status, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new RelayDoctorCommand(() -> home, () -> secrets)
                .run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    /// The "ok" scenario's account, saved with the SMTP log-on it needs (same as incoming).
    private StoredProfile saveOk(boolean remember, AccountProfile profile) throws Exception {
        StoredProfile saved = StoredProfile.create(profile.withName("Demo OK").withSmtpAuth(new SmtpAuth.SameAsIncoming()))
                .withRememberPassword(remember);
        new ProfileStore(home).save(List.of(saved));
        return saved;
    }

    @Test
    void aSavedProfileWithRememberedPasswordChecksAndKeepsTheResult() throws Exception {
        DemoScenario ok = demo.scenario("ok").orElseThrow();
        AccountProfile plain = ok.profile().withOutgoing(new OutgoingServer(ok.profile().outgoing().host(),
                ok.profile().outgoing().port(), org.relaydoctor.profile.Security.NONE));
        StoredProfile saved = saveOk(true, plain);
        secrets.put(saved.id(), ok.password());

        Run r = run("check", "--profile", "demo ok", "--timeout", "5", "--json", "--dns-server",
                demo.dnsServer());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).at("/verdict/code").asText()).isEqualTo("OK");
        assertThat(new ProfileStore(home).load().profiles().getFirst().lastResult())
                .hasValueSatisfying(last -> assertThat(last.verdictCode()).isEqualTo("OK"));
        assertThat(r.out() + r.err()).doesNotContain(ok.password().reveal());
    }

    @Test
    void optionsOnTheCommandLineOverrideTheProfile() throws Exception {
        DemoScenario ok = demo.scenario("ok").orElseThrow();
        AccountProfile wrongPort = ok.profile().withOutgoing(new OutgoingServer(ok.profile().outgoing().host(), 1, ok.profile().outgoing().security()));
        StoredProfile saved = saveOk(true, wrongPort);
        secrets.put(saved.id(), ok.password());

        Run r = run("check", "--profile", "Demo OK", "--smtp-port", String.valueOf(ok.profile().outgoing().port()),
                "--smtp-security", "none", "--timeout", "5", "--json", "--dns-server", demo.dnsServer());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(new ProfileStore(home).load().profiles().getFirst().lastResult())
                .as("a result for other settings is not the profile's").isEmpty();
    }

    @Test
    void aProfileFileWorksWithoutTheStore() throws Exception {
        DemoScenario authRequired = demo.scenario("auth-required").orElseThrow();
        Path file = home.resolve("auth-required.json");
        ProfileFiles.write(file, authRequired.profile().withSmtpAuth(new SmtpAuth.Off()));
        StringWriter out = new StringWriter();

        Path password = home.resolve("password");
        java.nio.file.Files.writeString(password, authRequired.password().reveal() + "\n");

        int status = new RelayDoctorCommand().run(new String[] {"check", "--profile", file.toString(),
                "--password-file", password.toString(), "--smtp-security", "none", "--timeout", "5", "--json",
                "--dns-server", demo.dnsServer()},
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));

        assertThat(status).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(out.toString()).at("/verdict/code").asText()).isEqualTo("AUTH_REQUIRED");
    }

    @Test
    void anUnknownProfileIsAUsageErrorListingTheSavedOnes() throws Exception {
        saveOk(false, demo.scenario("ok").orElseThrow().profile());
        Run r = run("check", "--profile", "Nope");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--profile").contains("Demo OK").doesNotContain("\tat ");
    }
}
