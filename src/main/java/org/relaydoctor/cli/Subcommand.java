package org.relaydoctor.cli;

/// A command of `relay-doctor`: its table, and what it does with a line parsed by that table.
interface Subcommand {
    CommandSpec spec();

    /// Runs with the parsed options; an exit status of {@link ExitStatus} (or the command's own list).
    int run(ParsedArgs args, Output output) throws UsageException;
}
