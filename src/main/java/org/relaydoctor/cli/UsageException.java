package org.relaydoctor.cli;

import java.util.Optional;

/// A command line that cannot run as given: one line for stderr, followed by a hint at `--help`; exit status 2.
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /// The command whose `--help` the hint names (`relay-doctor check`); empty when thrown by a command's run, whose
    /// caller knows the name.
    private final transient Optional<String> command;

    UsageException(String message) {
        this(Optional.empty(), message);
    }

    UsageException(String command, String message) {
        this(Optional.of(command), message);
    }

    private UsageException(Optional<String> command, String message) {
        super(message, null, false, false);
        this.command = command;
    }

    String command(String otherwise) {
        return command.orElse(otherwise);
    }
}
