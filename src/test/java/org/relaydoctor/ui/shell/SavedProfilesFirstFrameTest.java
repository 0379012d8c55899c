package org.relaydoctor.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import java.time.Duration;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.IncomingServer;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.ProfileStore;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;
import org.relaydoctor.profile.SessionSecretStore;
import org.relaydoctor.profile.StoredProfile;
import org.relaydoctor.ui.common.BackgroundTaskRunner;
import org.relaydoctor.ui.profiles.ProfileStorage;
import org.relaydoctor.ui.results.ResultsActions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/// Profiles read ahead (as the program reads them while JavaFX starts) are in the window's first frame: the list and
/// the first profile, never the "no profiles yet" state that an asynchronous load would replace a moment later.
@ExtendWith(ApplicationExtension.class)
class SavedProfilesFirstFrameTest {
    @TempDir
    Path config;

    private Stage stage;

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::hide);
    }

    private void saveOfficeProfile() throws java.io.IOException {
        new ProfileStore(config).save(List.of(StoredProfile.create(new AccountProfile("Office", "Anna",
                "anna@example.com", new IncomingServer(MailProtocol.POP3, "pop.example.com", 995, Security.SSL_TLS),
                new OutgoingServer("smtp.example.com", 587, Security.STARTTLS), "anna", new SmtpAuth.Off(), false,
                "someone@example.org", Duration.ofSeconds(20)))));
    }

    @Test
    void theFirstFrameShowsTheSavedProfilesNotTheEmptyState(FxRobot robot) throws Exception {
        saveOfficeProfile();
        ProfileStorage readAhead = ProfileStorage.readingAhead(new ProfileStore(config), Runnable::run);
        ShellServices services = new ShellServices(config, readAhead, new SessionSecretStore(), new BackgroundTaskRunner(),
                Optional.empty(), ResultsActions.none(), Optional.empty());
        MainWindow[] shown = new MainWindow[1];
        robot.interact(() -> {
            stage = new Stage();
            MainWindow window = new MainWindow(stage, services, Locale.ENGLISH);
            shown[0] = window;
            // No FX event has run since: this is what show() lays out for the first frame.
            assertThat(window.profiles().entries()).extracting(p -> p.profile().name()).containsExactly("Office");
            assertThat(window.profiles().selectedProperty().get().profile().name()).isEqualTo("Office");
            // The split pane's skin, which makes its items children, comes with the first CSS pass: look in the items.
            List<Node> panes = ((SplitPane) window.root().getCenter()).getItems();
            assertThat(panes.getFirst().lookup("#emptyState").isVisible()).as("the 'no profiles yet' state").isFalse();
            Node list = panes.getFirst().lookup("#profileList");
            assertThat(list).as("the profile list").isNotNull();
            assertThat(list.isVisible()).isTrue();
            assertThat(panes.get(1).getId()).as("the first profile's work area, not the welcome").isEqualTo("profileWork");
            assertThat(((javafx.scene.control.Label) panes.get(1).lookup("#profileTitle")).getText()).isEqualTo("Office");
            window.showQuickly();
            // Its editor (25 controls) is left to the next frame.
            javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) panes.get(1).lookup("#workTabs");
            assertThat(tabs.getTabs().getFirst().getContent()).as("the editor in the first frame").isNull();
        });
        // The window is complete (the benchmark's second figure) once a frame has laid the editor out.
        shown[0].complete().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(robot.lookup("#emailField").queryAs(javafx.scene.control.TextField.class).getWidth()).isPositive();
        assertThat(robot.lookup("#profileList").queryAs(javafx.scene.control.ListView.class).getHeight()).isPositive();
        assertThat(robot.lookup("#profileList .list-cell").queryAllAs(javafx.scene.control.ListCell.class))
                .anySatisfy(cell -> assertThat(cell.getItem()).isNotNull());
        assertThat(robot.lookup("#emailField").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo("anna@example.com");
    }

    @Test
    void whileTheProfilesAreReadTheEmptyStateIsNotShown(FxRobot robot) throws Exception {
        saveOfficeProfile();
        java.util.concurrent.CountDownLatch slowDisk = new java.util.concurrent.CountDownLatch(1);
        ProfileStorage store = ProfileStorage.of(new ProfileStore(config));
        ProfileStorage slow = new ProfileStorage() {
            @Override
            public org.relaydoctor.profile.ProfileLoad load() throws java.io.IOException {
                try {
                    slowDisk.await();
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
                return store.load();
            }

            @Override
            public void save(List<StoredProfile> profiles) throws java.io.IOException {
                store.save(profiles);
            }
        };
        ShellServices services = new ShellServices(config, slow, new SessionSecretStore(), new BackgroundTaskRunner(),
                Optional.empty(), ResultsActions.none(), Optional.empty());
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            stage = new Stage();
            window[0] = new MainWindow(stage, services, Locale.ENGLISH);
            window[0].show();
        });
        assertThat(robot.lookup("#emptyState").query().isVisible()).as("'no profiles yet' before they are read").isFalse();
        assertThat(robot.lookup("#explainButton").query().isVisible()).isFalse();
        assertThat(window[0].profiles().loadedProperty().get()).isFalse();

        slowDisk.countDown();
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> window[0].profiles().loadedProperty().get());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#emptyState").query().isVisible()).isFalse();
        assertThat(robot.lookup("#profileTitle").queryAs(javafx.scene.control.Label.class).getText()).isEqualTo("Office");
        assertThat(robot.lookup("#explainButton").query().isVisible()).isTrue();
    }

    @Test
    void withoutProfilesTheEmptyStateComesOnceTheReadEnds(FxRobot robot) throws Exception {
        ShellServices services = new ShellServices(config, ProfileStorage.of(new ProfileStore(config)),
                new SessionSecretStore(), new BackgroundTaskRunner(), Optional.empty(), ResultsActions.none(),
                Optional.empty());
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            stage = new Stage();
            window[0] = new MainWindow(stage, services, Locale.ENGLISH);
            window[0].show();
        });
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> window[0].profiles().loadedProperty().get());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#emptyState").query().isVisible()).isTrue();
        assertThat(robot.lookup("#createFirstProfileButton").query().isVisible()).isTrue();
    }

    @Test
    void aWindowWithoutProfilesIsCompleteWithItsFirstFrame(FxRobot robot) throws Exception {
        ShellServices services = new ShellServices(config, ProfileStorage.inMemory(), new SessionSecretStore(),
                new BackgroundTaskRunner(), Optional.empty(), ResultsActions.none(), Optional.empty());
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            stage = new Stage();
            window[0] = new MainWindow(stage, services, Locale.ENGLISH);
            window[0].showQuickly();
        });
        // Nothing changes after the first frame, so no later frame comes: the benchmark's exit must not wait for one.
        window[0].complete().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
}
