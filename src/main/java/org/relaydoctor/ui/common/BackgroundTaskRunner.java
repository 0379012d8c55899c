package org.relaydoctor.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The production {@link TaskRunner}: each piece of work is a JavaFX {@link Task} on its own named daemon thread.
public final class BackgroundTaskRunner implements TaskRunner, AutoCloseable {
    /// Asked for at the first message, not at class load: the window's first frame does not wait for the logging set-up.
    private static Logger log() {
        return LoggerFactory.getLogger(BackgroundTaskRunner.class);
    }

    /// Platform threads: the window's few tasks (loading and saving profiles, the keychain, exports) block on files
    /// and the keychain, never by the thousand; and the first virtual thread cost 18 ms of a start on two cores.
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon()
            .name("ui-task-", 1).uncaughtExceptionHandler(BackgroundTaskRunner::uncaught).factory());

    /// A factory for named virtual threads that log what escapes them instead of dying silently.
    public static java.util.concurrent.ThreadFactory virtualThreads(String prefix) {
        return Thread.ofVirtual().name(prefix, 1).uncaughtExceptionHandler(BackgroundTaskRunner::uncaught).factory();
    }

    private static void uncaught(Thread thread, Throwable e) {
        log().error("Uncaught in {}", thread.getName(), e);
    }

    @Override
    public <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> {
            log().warn("Background task {} failed: {}", name, String.valueOf(task.getException()));
            onFailure.accept(task.getException());
        });
        executor.execute(task);
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
