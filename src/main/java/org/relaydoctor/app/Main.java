package org.relaydoctor.app;

import java.util.Set;
import org.relaydoctor.cli.RelayDoctorCommand;
import org.relaydoctor.diagnosis.ReplyKnowledge;
import org.slf4j.LoggerFactory;

/// The entry point of both faces: with arguments it is the command line (JavaFX is never initialised);
/// without, it opens the window.
public final class Main {
    /// Commands that run checks: they log, and classify server replies with the reply knowledge (replies.json through
    /// Jackson); both load on the other core while picocli reads the command line, instead of after it.
    private static final Set<String> CHECKING = Set.of("check", "demo");

    private Main() {}

    public static void main(String[] args) throws Exception {
        AppDirs dirs = AppDirs.detect();
        LoggingSetup.init(dirs);
        if (Boolean.getBoolean(AotTraining.PROPERTY)) {
            AotTraining.run(dirs::config);
            return;
        }
        if (args.length == 0) {
            // Logging starts once the first frame is drawn (RelayDoctorApp): on two cores, starting it beside the
            // toolkit only slowed the toolkit down.
            GuiLauncher.launch(args);
            return;
        }
        if (CHECKING.contains(args[0])) {
            Thread.ofPlatform().daemon().name("log-init").start(LoggerFactory::getILoggerFactory);
            Thread.ofPlatform().daemon().name("knowledge-init").start(ReplyKnowledge::standard);
        }
        int status = RelayDoctorCommand.commandLine(new RelayDoctorCommand(dirs::config), args).execute(args);
        System.exit(status);
    }
}
