package org.relaydoctor.ui.profiles;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.profile.StoredProfile;
import org.relaydoctor.ui.common.LazyTooltip;
import org.relaydoctor.ui.common.VerdictTone;

/// The profile list on the left: search (when there are many), the profiles with their last verdict as a
/// coloured badge, the New/Duplicate/Rename/Delete buttons and the undo bar after a delete.
public final class ProfileListView extends VBox {
    private final ProfileListViewModel vm;
    private final Messages text;
    private final ListView<StoredProfile> list = new ListView<>();

    public ProfileListView(ProfileListViewModel vm, Messages text, Messages verdicts) {
        this.vm = vm;
        this.text = text;
        setId("profileListPane");
        setSpacing(6);
        setPadding(new Insets(8));

        TextField search = new TextField();
        search.setId("profileSearchField");
        search.setPromptText(text.get("profiles.search.prompt"));
        search.setAccessibleText(text.get("profiles.search.prompt"));
        LazyTooltip.install(search, text.get("profiles.search.tooltip"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.visibleProperty().bind(vm.searchShownProperty());
        search.managedProperty().bind(search.visibleProperty());

        list.setId("profileList");
        list.setItems(vm.visibleEntries());
        list.setAccessibleText(text.get("profiles.list.accessible"));
        list.setCellFactory(v -> new EntryCell(verdicts));
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now != vm.selectedProperty().get()) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((o, was, now) -> list.getSelectionModel().select(now));
        if (vm.selectedProperty().get() != null) {
            list.getSelectionModel().select(vm.selectedProperty().get());
        }
        VBox.setVgrow(list, Priority.ALWAYS);

        Button add = button("newProfileButton", "profiles.new", () -> vm.createNew(text.get("profiles.new.name")));
        Button duplicate = button("duplicateProfileButton", "profiles.duplicate",
                () -> vm.duplicateSelected(text.get("profiles.duplicate.suffix")));
        Button rename = button("renameProfileButton", "profiles.rename", this::rename);
        Button delete = button("deleteProfileButton", "profiles.delete", vm::deleteSelected);
        for (Button b : new Button[] {duplicate, rename, delete}) {
            b.disableProperty().bind(vm.selectedProperty().isNull());
        }
        // Wraps to a second row in a narrow list rather than cutting "Переименовать" to "Переим…".
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(4, 4, add, duplicate, rename, delete);
        for (Button b : new Button[] {add, duplicate, rename, delete}) {
            b.setMinWidth(USE_PREF_SIZE);
            // Compact, as list tools are: at full size the four took three rows in a small Russian window.
            b.getStyleClass().add("small");
        }
        buttons.setId("profileButtons");
        // The same actions on a right click (or the menu key), where people look for them in a list.
        list.setContextMenu(new ContextMenu(
                menuItem("duplicateProfileItem", "profiles.duplicate", duplicate),
                menuItem("renameProfileItem", "profiles.rename", rename),
                menuItem("deleteProfileItem", "profiles.delete", delete)));
        list.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            // The actions apply to the selected profile: the one clicked becomes it first (a right click on another
            // row had Delete remove the selected one).
            for (Node n = e.getPickResult().getIntersectedNode(); n != null && n != list; n = n.getParent()) {
                if (n instanceof ListCell<?> cell) {
                    if (!cell.isEmpty()) {
                        list.getSelectionModel().select(cell.getIndex());
                    }
                    break;
                }
            }
        });

        Label deleted = new Label();
        deleted.setId("undoText");
        deleted.textProperty().bind(Bindings.createStringBinding(() -> vm.undoableProperty().get() == null ? ""
                : text.get("profiles.deleted", vm.undoableProperty().get().profile().name()), vm.undoableProperty()));
        Button undo = button("undoDeleteButton", "profiles.undo", vm::undoDelete);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox undoBar = new HBox(6, deleted, gap, undo);
        undoBar.setId("undoBar");
        undoBar.setAlignment(Pos.CENTER_LEFT);
        undoBar.getStyleClass().add("undo-bar");
        undoBar.visibleProperty().bind(vm.undoableProperty().isNotNull());
        undoBar.managedProperty().bind(undoBar.visibleProperty());

        getChildren().setAll(search, list, undoBar, buttons);
    }

    private javafx.scene.control.MenuItem menuItem(String id, String key, Button same) {
        javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(text.get(key));
        item.setId(id);
        item.disableProperty().bind(same.disableProperty());
        item.setOnAction(e -> same.fire());
        return item;
    }

    public ListView<StoredProfile> list() {
        return list;
    }

    private void rename() {
        StoredProfile entry = vm.selectedProperty().get();
        if (entry == null) {
            return;
        }
        TextInputDialog dialog = new TextInputDialog(vm.editorFor(entry).profileNameProperty().get());
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle(text.get("profiles.rename.title"));
        dialog.setHeaderText(null);
        dialog.setContentText(text.get("profiles.rename.label"));
        dialog.getEditor().setId("renameField");
        org.relaydoctor.ui.common.DialogButtons buttons = org.relaydoctor.ui.common.DialogButtons.of(text);
        dialog.getDialogPane().getButtonTypes().setAll(buttons.ok(), buttons.cancel());
        dialog.showAndWait().ifPresent(vm::renameSelected);
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(text.get(key));
        b.setId(id);
        b.setMnemonicParsing(true);
        LazyTooltip.install(b, text.get(key + ".tooltip"));
        b.setAccessibleText(text.get(key + ".tooltip"));
        b.setOnAction(e -> action.run());
        return b;
    }

    /// Two lines (live name and address from the entry's editor) and the last verdict's badge.
    private final class EntryCell extends ListCell<StoredProfile> {
        private final Messages verdicts;

        EntryCell(Messages verdicts) {
            this.verdicts = verdicts;
            // Cells as wide as the list, never wider: a long name is cut ("Demo: client-bl…"), the badge stays in view.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(StoredProfile entry, boolean empty) {
            super.updateItem(entry, empty);
            textProperty().unbind();
            if (empty || entry == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            ProfileEditorViewModel editor = vm.editorFor(entry);
            Label name = new Label();
            name.textProperty().bind(Bindings.createStringBinding(
                    () -> editor.profileNameProperty().get().isBlank() ? editor.emailProperty().get()
                            : editor.profileNameProperty().get(), editor.profileNameProperty(), editor.emailProperty()));
            name.getStyleClass().add("profile-name");
            Label address = new Label();
            address.textProperty().bind(editor.emailProperty());
            address.getStyleClass().add("profile-address");
            address.setMinWidth(0);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            // The badge beside the address, not the name: the name is what people look for, and a badge beside it
            // cut it down to "Dem…" in a narrow list.
            HBox second = new HBox(6, address, gap);
            second.setAlignment(Pos.CENTER_LEFT);
            ProfileListViewModel.lastVerdict(entry).ifPresent(code -> second.getChildren().add(
                    VerdictTone.badge(code, text, verdicts)));
            VBox row = new VBox(2, name, second);
            row.setMinWidth(0);
            setText(null);
            setGraphic(row);
            setAccessibleText(entry.profile().name() + ", " + entry.profile().email()
                    + ProfileListViewModel.lastVerdict(entry).map(c -> ", " + verdicts.get("verdict." + c.name() + ".title"))
                            .orElse(""));
        }
    }
}
