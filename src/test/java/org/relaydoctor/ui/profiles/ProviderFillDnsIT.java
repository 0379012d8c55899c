package org.relaydoctor.ui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.dns.DnsChecker;
import org.relaydoctor.dns.DnsLookup;
import org.relaydoctor.dns.Dnsmasq;
import org.relaydoctor.dns.ProviderCatalog;
import org.relaydoctor.profile.AccountSetupSuggestions;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.Security;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// "Fill from provider" with its DNS source asking a real dnsmasq on loopback (`src/test/dns/test-zones.conf`):
/// RFC 6186 SRV records propose settings after the catalogue, off the FX thread; a resolver that never answers
/// can be cancelled.
@ExtendWith(ApplicationExtension.class)
class ProviderFillDnsIT {
    @TempDir
    static Path dir;
    static Dnsmasq dnsmasq;
    /// A UDP port that takes questions and never answers: a resolver that hangs.
    static DatagramSocket silent;

    private final ProfileEditorViewModel vm = new ProfileEditorViewModel();

    @BeforeAll
    static void startDns() throws Exception {
        dnsmasq = Dnsmasq.start(dir);
        silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterAll
    static void stopDns() {
        if (dnsmasq != null) {
            dnsmasq.close();
        }
        if (silent != null) {
            silent.close();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        DnsChecker dns = new DnsChecker(dnsmasq.lookup(Duration.ofSeconds(2)));
        DnsChecker hanging = new DnsChecker(DnsLookup.using(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), silent.getLocalPort()), Duration.ofSeconds(60)));
        AccountSetupSuggestions sources = new AccountSetupSuggestions(List.of(
                ProviderCatalog.bundled().byDomainSource(),
                email -> email.endsWith(".hang.test") ? hanging.suggestionSource().suggest(email)
                        : dns.suggestionSource().suggest(email)));
        stage.setScene(new Scene(new ProfileEditorView(vm, Messages.load("ui", Locale.ENGLISH),
                new SimpleStringProperty(""), java.util.Optional.of(sources)), 900, 700));
        stage.show();
    }

    @Test
    void srvRecordsFillTheServerFields(FxRobot robot) throws Exception {
        robot.interact(() -> vm.emailProperty().set("anna@srv.test"));
        robot.clickOn("#fillFromProviderButton");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#useSuggestion0").tryQuery().isPresent());
        assertThat(robot.lookup("#useSuggestion1").tryQuery()).as("one proposal: the SRV records'").isEmpty();
        assertThat(suggestionTexts(robot)).singleElement().asString().contains("DNS SRV", "mail.srv.test");

        robot.clickOn("#useSuggestion0");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.accountTypeProperty().get()).isEqualTo(MailProtocol.IMAP);
        assertThat(vm.incomingHostProperty().get()).isEqualTo("mail.srv.test");
        assertThat(vm.incomingPortProperty().get()).isEqualTo("993");
        assertThat(vm.incomingSecurityProperty().get()).isEqualTo(Security.SSL_TLS);
        // RFC 8314 submissions (implicit TLS, 465) wins over submission (587) of the same domain
        assertThat(vm.outgoingHostProperty().get()).isEqualTo("mail.srv.test");
        assertThat(vm.outgoingPortProperty().get()).isEqualTo("465");
        assertThat(vm.outgoingSecurityProperty().get()).isEqualTo(Security.SSL_TLS);
    }

    @Test
    void srvComesAfterTheCatalogue(FxRobot robot) throws Exception {
        robot.interact(() -> vm.emailProperty().set("anna@good.test"));
        robot.clickOn("#fillFromProviderButton");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#useSuggestion1").tryQuery().isPresent());
        List<String> texts = suggestionTexts(robot);
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0)).contains("Reg.ru", "mail.hosting.reg.ru");
        assertThat(texts.get(1)).contains("DNS SRV", "smtp.good.test:587");
    }

    @Test
    void aResolverThatNeverAnswersCanBeCancelled(FxRobot robot) throws Exception {
        robot.interact(() -> vm.emailProperty().set("anna@mail.hang.test"));
        robot.clickOn("#fillFromProviderButton");
        WaitForAsyncUtils.waitForFxEvents();
        ProviderFillView view = robot.lookup("#providerFill").queryAs(ProviderFillView.class);
        assertThat(view.isLookingUp()).isTrue();
        assertThat(robot.lookup("#fillFromProviderButton").query().isDisabled()).as("window stays usable").isFalse();

        robot.clickOn("#cancelLookupButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.isLookingUp()).isFalse();
        assertThat(robot.lookup("#providerStatus").queryAs(Label.class).getText()).isEqualTo("Look-up cancelled.");
    }

    private static List<String> suggestionTexts(FxRobot robot) {
        VBox found = robot.lookup("#providerSuggestions").queryAs(VBox.class);
        return found.getChildren().stream()
                .filter(n -> n instanceof javafx.scene.layout.HBox)
                .map(n -> ((Label) ((javafx.scene.layout.HBox) n).getChildren().get(1)).getText())
                .toList();
    }
}
