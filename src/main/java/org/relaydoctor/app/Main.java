package org.relaydoctor.app;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.relaydoctor.cli.RelayDoctorCommand;
import org.relaydoctor.diagnosis.ReplyKnowledge;
import org.slf4j.LoggerFactory;

/// The entry point of both faces: with arguments it is the command line (JavaFX is never initialised);
/// without, it opens the window.
public final class Main {
    /// Commands that run checks: they log, and classify server replies with the reply knowledge (replies.json through
    /// Jackson); both load on the other core while the command line is parsed, instead of after it.
    private static final Set<String> CHECKING = Set.of("check", "demo");

    private Main() {}

    public static void main(String[] args) throws Exception {
        // The window draws any text; the command line's output must be able to carry it.
        EnvironmentLocale.apply(args.length == 0 ? StandardCharsets.UTF_8 : System.out.charset());
        AppDirs dirs = AppDirs.detect();
        LoggingSetup.init(dirs);
        if (Boolean.getBoolean(AotTraining.PROPERTY)) {
            AotTraining.run(dirs::config);
            return;
        }
        if (args.length == 0) {
            if (Boolean.getBoolean(AotTraining.WINDOW_PROFILES_PROPERTY)) {
                AotTraining.saveSampleProfiles(dirs.config());
            }
            // The log file opens at the first message, after the first frame (RelayDoctorApp): on two cores, starting
            // logging beside the toolkit only slowed the toolkit down.
            GuiLauncher.launch(args, dirs);
            return;
        }
        if (CHECKING.contains(args[0])) {
            Thread.ofPlatform().daemon().name("log-init").start(LoggerFactory::getILoggerFactory);
            Thread.ofPlatform().daemon().name("knowledge-init").start(ReplyKnowledge::standard);
        }
        int status = new RelayDoctorCommand(dirs::config).run(args, writer(System.out), writer(System.err));
        System.exit(status);
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, stream.charset()), true);
    }
}
