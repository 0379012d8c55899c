package org.relaydoctor.ui.shell;

import java.nio.file.Path;
import java.util.Optional;
import org.relaydoctor.profile.AccountSetupSuggestions;
import org.relaydoctor.profile.ProfileStore;
import org.relaydoctor.profile.SecretStore;
import org.relaydoctor.profile.SessionSecretStore;
import org.relaydoctor.ui.check.CheckRunner;
import org.relaydoctor.ui.common.BackgroundTaskRunner;
import org.relaydoctor.ui.common.TaskRunner;
import org.relaydoctor.ui.profiles.ProfileStorage;
import org.relaydoctor.ui.results.ResultsActions;

/// What the main window is handed by the composition root (`app`).
///
/// @param configDir  where preferences and the window layout live
/// @param profiles   where profiles are loaded from and saved to
/// @param secrets    where remembered passwords live
/// @param tasks      background work (saves, loads, the demo start)
/// @param engine     the check engine; absent in a build without it
/// @param results    export and copy actions of the results view
/// @param demo       the built-in demo servers, when available
/// @param suggestions  the sources behind the editor's "Fill from provider", when available
public record ShellServices(Path configDir, ProfileStorage profiles, SecretStore secrets, TaskRunner tasks,
        Optional<CheckRunner.Factory> engine, ResultsActions results, Optional<DemoLauncher> demo,
        Optional<AccountSetupSuggestions> suggestions) {

    /// Without "Fill from provider".
    public ShellServices(Path configDir, ProfileStorage profiles, SecretStore secrets, TaskRunner tasks,
            Optional<CheckRunner.Factory> engine, ResultsActions results, Optional<DemoLauncher> demo) {
        this(configDir, profiles, secrets, tasks, engine, results, demo, Optional.empty());
    }

    /// Profiles on disk in `configDir`, passwords for this session only, background tasks, and nothing else.
    public static ShellServices basic(Path configDir) {
        return new ShellServices(configDir, ProfileStorage.of(new ProfileStore(configDir)), new SessionSecretStore(),
                new BackgroundTaskRunner(),
                Optional.empty(), ResultsActions.none(), Optional.empty());
    }

    public ShellServices withEngine(CheckRunner.Factory value) {
        return new ShellServices(configDir, profiles, secrets, tasks, Optional.of(value), results, demo, suggestions);
    }

    public ShellServices withDemo(DemoLauncher value) {
        return new ShellServices(configDir, profiles, secrets, tasks, engine, results, Optional.of(value), suggestions);
    }

    public ShellServices withResults(ResultsActions value) {
        return new ShellServices(configDir, profiles, secrets, tasks, engine, value, demo, suggestions);
    }

    public ShellServices withSuggestions(AccountSetupSuggestions value) {
        return new ShellServices(configDir, profiles, secrets, tasks, engine, results, demo, Optional.of(value));
    }
}
