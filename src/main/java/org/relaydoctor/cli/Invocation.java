package org.relaydoctor.cli;

/// What a parsed command line asks for.
public sealed interface Invocation {
    /// Run `command` (named `name` in messages) with its parsed options.
    record Run(String name, Subcommand command, ParsedArgs args) implements Invocation {}

    /// `--help` of this command.
    record Help(CommandSpec spec) implements Invocation {}

    /// `--version`.
    record Version() implements Invocation {}
}
