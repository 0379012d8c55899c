package org.relaydoctor.ui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.profile.SessionSecretStore;
import org.relaydoctor.ui.common.TaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The list's search field (from {@link ProfileListViewModel#SEARCH_THRESHOLD} profiles on) and its right-click menu.
@ExtendWith(ApplicationExtension.class)
class ProfileListViewTest {
    private final ProfileListViewModel vm = new ProfileListViewModel(ProfileStorage.inMemory(), new SessionSecretStore(),
            TaskRunner.direct());

    @Start
    void start(Stage stage) {
        for (int i = 1; i < ProfileListViewModel.SEARCH_THRESHOLD; i++) {
            vm.createNew("Account " + i);
        }
        Messages ui = Messages.load("ui", Locale.ENGLISH);
        stage.setScene(new Scene(new ProfileListView(vm, ui, Messages.load("verdicts", Locale.ENGLISH)), 320, 500));
        stage.show();
    }

    @Test
    void theSearchFieldComesWithEnoughProfilesAndFilters(FxRobot robot) {
        assertThat(robot.lookup("#profileSearchField").query().isVisible()).as("below the threshold").isFalse();

        robot.interact(() -> vm.createNew("Бухгалтерия"));
        TextField search = robot.lookup("#profileSearchField").queryAs(TextField.class);
        assertThat(search.isVisible()).isTrue();
        robot.clickOn(search).write("бух");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#profileList").queryAs(ListView.class).getItems()).hasSize(1);
        assertThat(vm.visibleEntries()).extracting(p -> p.profile().name()).containsExactly("Бухгалтерия");

        robot.interact(() -> {
            vm.searchProperty().set("");
            vm.selectedProperty().set(vm.entries().getFirst());
            vm.deleteSelected();
        });
        assertThat(search.isVisible()).as("below the threshold again").isFalse();
    }

    @Test
    void aRightClickOffersTheListsActions(FxRobot robot) {
        int before = vm.entries().size();
        robot.rightClickOn("Account 2");
        robot.clickOn("#deleteProfileItem");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.entries()).hasSize(before - 1)
                .noneSatisfy(p -> assertThat(p.profile().name()).isEqualTo("Account 2"));
        assertThat(robot.lookup("#undoBar").query().isVisible()).isTrue();
    }
}
