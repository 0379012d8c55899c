package org.relaydoctor.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/// Runs work off the FX thread and reports back on it. ViewModels take one, so their tests can pass
/// {@link #direct()} and run synchronously without a JavaFX toolkit.
public interface TaskRunner {

    /// Runs `work` in the background; `onSuccess` or `onFailure` is called on the FX thread afterwards.
    <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /// Runs everything at once on the calling thread: for tests.
    static TaskRunner direct() {
        return new TaskRunner() {
            @Override
            public <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess,
                    Consumer<Throwable> onFailure) {
                T value;
                try {
                    value = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(value);
            }
        };
    }
}
