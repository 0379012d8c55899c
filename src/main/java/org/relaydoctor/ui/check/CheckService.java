package org.relaydoctor.ui.check;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import org.relaydoctor.check.CheckListener;
import org.relaydoctor.check.CheckOptions;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.check.Credentials;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.ui.common.BackgroundTaskRunner;

/// Runs one check at a time on a virtual thread. Start it with {@link #check}; `cancel()` stops the engine at
/// once (it closes its sockets) and the service goes to CANCELLED. Use it on the FX thread only.
public final class CheckService extends Service<CheckResult> {
    private final CheckRunner.Factory engine;
    private final CheckListener listener;
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(BackgroundTaskRunner.virtualThreads("check-"));
    private AccountProfile profile;
    private Credentials credentials;
    private CheckOptions options = CheckOptions.defaults();

    public CheckService(CheckRunner.Factory engine, CheckListener listener) {
        this.engine = engine;
        this.listener = listener;
        setExecutor(threads);
    }

    /// Starts a check of `profile` (already validated) with the passwords typed for this session.
    public void check(AccountProfile profile, Credentials credentials, CheckOptions options) {
        this.profile = Objects.requireNonNull(profile);
        this.credentials = Objects.requireNonNull(credentials);
        this.options = Objects.requireNonNull(options);
        restart();
    }

    @Override
    protected Task<CheckResult> createTask() {
        AccountProfile p = profile;
        Credentials c = credentials;
        CheckRunner runner = engine.create(options);
        return new Task<>() {
            @Override
            protected CheckResult call() {
                return runner.run(p, c, listener);
            }

            @Override
            protected void cancelled() {
                runner.cancel();
            }
        };
    }

    /// Stops the worker threads; a running check is cancelled. For the window's close.
    public void shutdown() {
        cancel();
        threads.shutdownNow();
    }
}
