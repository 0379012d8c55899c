package org.relaydoctor.ui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.dns.ProviderCatalog;
import org.relaydoctor.profile.AccountSetupSuggestions;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.Security;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// "Fill from provider" in the editor: the catalogue's proposal fills the server fields; a look-up that hangs
/// (an autoconfig host that never answers) can be cancelled and is interrupted.
@ExtendWith(ApplicationExtension.class)
class ProviderFillViewTest {
    private final ProfileEditorViewModel vm = new ProfileEditorViewModel();
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private final CountDownLatch hangStarted = new CountDownLatch(1);

    @Start
    void start(Stage stage) {
        AccountSetupSuggestions sources = new AccountSetupSuggestions(List.of(
                ProviderCatalog.bundled().byDomainSource(),
                email -> {
                    if (email.endsWith("@slow.example")) {
                        hangStarted.countDown();
                        try {
                            Thread.sleep(Duration.ofMinutes(5));
                        } catch (InterruptedException e) {
                            interrupted.countDown();
                            throw e;
                        }
                    }
                    return List.of();
                }));
        ProfileEditorView view = new ProfileEditorView(vm, Messages.load("ui", Locale.ENGLISH),
                new SimpleStringProperty(""), java.util.Optional.of(sources));
        stage.setScene(new Scene(view, 900, 700));
        stage.show();
    }

    @Test
    void theCatalogueFillsTheServerFieldsAndKeepsWhatWasTyped(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.profileNameProperty().set("Mine");
            vm.passwordProperty().set("typed");
            vm.emailProperty().set("anna@yandex.ru");
        });
        robot.clickOn("#fillFromProviderButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#useSuggestion0").tryQuery().isPresent());

        robot.clickOn("#useSuggestion0");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.incomingHostProperty().get()).contains("yandex");
        assertThat(vm.outgoingHostProperty().get()).contains("yandex");
        assertThat(vm.accountTypeProperty().get()).isIn(MailProtocol.IMAP, MailProtocol.POP3);
        assertThat(vm.outgoingSecurityProperty().get()).isNotEqualTo(Security.NONE);
        assertThat(vm.profileNameProperty().get()).isEqualTo("Mine");
        assertThat(vm.passwordProperty().get()).isEqualTo("typed");
        assertThat(vm.emailProperty().get()).isEqualTo("anna@yandex.ru");
        assertThat(robot.lookup("#outgoingHostField").queryAs(TextField.class).getText())
                .isEqualTo(vm.outgoingHostProperty().get());
    }

    @Test
    void aHangingLookUpCanBeCancelled(FxRobot robot) throws Exception {
        robot.interact(() -> vm.emailProperty().set("anna@slow.example"));
        robot.clickOn("#fillFromProviderButton");
        assertThat(hangStarted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(robot.lookup("#cancelLookupButton").queryButton().isVisible()).isTrue();

        robot.clickOn("#cancelLookupButton");
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the look-up thread is interrupted").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#cancelLookupButton").queryButton().isVisible()).isFalse();
        assertThat(robot.lookup("#providerStatus").queryAs(Label.class).getText()).isEqualTo("Look-up cancelled.");
        assertThat(robot.lookup("#providerSuggestions").queryAs(javafx.scene.layout.VBox.class).getChildren()).isEmpty();
    }
}
