package org.relaydoctor.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/// JUnit 5 extension: starts the private Postfix + Dovecot + DNS of `src/test/mta/mta-start.sh` once per test
/// run (the first class that uses it) and stops them with `mta-stop.sh` when the run ends. When they cannot
/// start (Postfix missing, a port taken), every test that uses them fails with the script's output: they are
/// never skipped. Tests get the listeners with {@link #mta()}.
public final class MtaScenarios implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MtaScenarios.class);
    private static final Path SCRIPTS = Path.of("src/test/mta");
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private static volatile RunningMta running;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Instance.class, k -> Instance.start(), Instance.class);
    }

    /// The running servers; only valid in a class extended with this extension.
    public static RunningMta mta() {
        RunningMta mta = running;
        if (mta == null) {
            throw new IllegalStateException("The test mail servers are not running: extend the class with MtaScenarios");
        }
        return mta;
    }

    /// One started instance; closing it (at the end of the run) stops the servers.
    record Instance(RunningMta mta) implements AutoCloseable {
        static Instance start() {
            Path mtaDir = Path.of("target/mta").toAbsolutePath();
            Output started = run("mta-start.sh");
            if (started.exitCode() != 0) {
                throw new IllegalStateException("The test mail servers did not start (src/test/mta/mta-start.sh exit "
                        + started.exitCode() + "):\n" + started.text());
            }
            RunningMta mta = RunningMta.read(mtaDir.resolve("ports.env"));
            running = mta;
            return new Instance(mta);
        }

        @Override
        public void close() {
            running = null;
            Output stopped = run("mta-stop.sh");
            if (stopped.exitCode() != 0) {
                throw new IllegalStateException("mta-stop.sh failed:\n" + stopped.text());
            }
        }

        private static Output run(String script) {
            try {
                Path log = Files.createDirectories(Path.of("target")).resolve("mta-" + script + ".log");
                Process p = new ProcessBuilder("bash", SCRIPTS.resolve(script).toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!p.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Output(-1, script + " did not finish in " + START_LIMIT.toSeconds() + " s\n"
                            + Files.readString(log, StandardCharsets.UTF_8));
                }
                return new Output(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } catch (IOException e) {
                return new Output(-1, "cannot run " + script + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Output(-1, "interrupted while running " + script);
            }
        }
    }

    private record Output(int exitCode, String text) {}
}
