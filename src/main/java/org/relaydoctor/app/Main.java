package org.relaydoctor.app;

import org.relaydoctor.cli.RelayDoctorCommand;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/// The entry point of both faces: with arguments it is the command line (JavaFX is never initialised);
/// without, it opens the window.
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        AppDirs dirs = AppDirs.detect();
        LoggingSetup.init(dirs);
        if (args.length == 0) {
            // Logging starts on the other core while the toolkit initialises, not on the FX thread's path.
            Thread.ofPlatform().daemon().name("log-init").start(LoggerFactory::getILoggerFactory);
            GuiLauncher.launch(args);
            return;
        }
        int status = new CommandLine(new RelayDoctorCommand(dirs::config)).execute(args);
        System.exit(status);
    }
}
