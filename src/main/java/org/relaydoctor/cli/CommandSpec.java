package org.relaydoctor.cli;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.cli.OptionGroup;
import org.apache.commons.cli.Options;

/// One command's table, built in code when the command is named: what `--help` shows and what the parser accepts.
/// A command that has `children` is a group (`relay-doctor`, `relay-doctor profiles`): its first operand names one.
record CommandSpec(String name, List<String> description, List<Opt<?>> options, List<List<Opt<?>>> exclusive,
        List<Operand> operands, List<Child> children, List<String> exitStatuses) {

    /// A command of a group: built only when named, from the group's own parsed options.
    record Child(String name, String description, Function<ParsedArgs, Subcommand> create) {}

    static CommandSpec of(String name, String... description) {
        return new CommandSpec(name, List.of(description), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    CommandSpec withOptions(Opt<?>... more) {
        return new CommandSpec(name, description, List.of(more), exclusive, operands, children, exitStatuses);
    }

    /// Options of which at most one may be given.
    CommandSpec withExclusive(Opt<?>... group) {
        List<List<Opt<?>>> all = Stream.concat(exclusive.stream(), Stream.of(List.of(group))).toList();
        return new CommandSpec(name, description, options, all, operands, children, exitStatuses);
    }

    CommandSpec withOperands(Operand... more) {
        return new CommandSpec(name, description, options, exclusive, List.of(more), children, exitStatuses);
    }

    CommandSpec withChildren(Child... more) {
        return new CommandSpec(name, description, options, exclusive, operands, List.of(more), exitStatuses);
    }

    /// "0:the text shows no refusal" and the like, for the help's exit-status list.
    CommandSpec withExitStatuses(String... lines) {
        return new CommandSpec(name, description, options, exclusive, operands, children, List.of(lines));
    }

    /// Every option in help order: the command's own, then `-h` and `-V`.
    List<Opt<?>> allOptions() {
        return Stream.concat(options.stream(), Stream.of(Opt.HELP, Opt.VERSION)).toList();
    }

    Optional<Child> child(String childName) {
        return children.stream().filter(c -> c.name().equals(childName)).findFirst();
    }

    /// The table as commons-cli parses it.
    Options parserOptions() {
        Options table = new Options();
        for (Opt<?> o : allOptions()) {
            Optional<List<Opt<?>>> group = exclusive.stream().filter(g -> g.contains(o)).findFirst();
            if (group.isEmpty()) {
                table.addOption(o.option());
            } else if (group.get().getFirst() == o) {
                OptionGroup g = new OptionGroup();
                group.get().forEach(member -> g.addOption(member.option()));
                table.addOptionGroup(g);
            }
        }
        return table;
    }
}
