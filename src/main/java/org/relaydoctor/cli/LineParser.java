package org.relaydoctor.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.cli.AlreadySelectedException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/// The parser step: walks a command line down from `relay-doctor` to the command it names, building each command's
/// table only when it is reached, and parses that command's options with commons-cli (long options exactly as
/// written, `--opt VALUE` or `--opt=VALUE`, `--` ends the options).
final class LineParser {
    private LineParser() {}

    static Invocation parse(Subcommand command, List<String> args) throws UsageException {
        CommandSpec spec = command.spec();
        boolean group = !spec.children().isEmpty();
        CommandLine line;
        try {
            // a group stops at its first operand: the rest belongs to the command it names
            line = DefaultParser.builder().setAllowPartialMatching(false).setStripLeadingAndTrailingQuotes(false).get()
                    .parse(spec.parserOptions(), null,
                            group ? DefaultParser.NonOptionAction.STOP : DefaultParser.NonOptionAction.THROW,
                            args.toArray(String[]::new));
        } catch (ParseException e) {
            throw new UsageException(spec.name(), message(e));
        }
        if (line.hasOption(Opt.HELP.name())) {
            return new Invocation.Help(spec);
        }
        if (line.hasOption(Opt.VERSION.name())) {
            return new Invocation.Version();
        }
        ParsedArgs parsed = convert(spec, line);
        if (group && !parsed.operands().isEmpty()) {
            String name = parsed.operands().getFirst();
            if (name.startsWith("-") && name.length() > 1) {
                throw new UsageException(spec.name(), "Unknown option: '" + name + "'");
            }
            CommandSpec.Child child = spec.child(name).orElseThrow(() -> new UsageException(spec.name(),
                    "Unknown command '" + name + "' (one of: " + spec.children().stream().map(CommandSpec.Child::name)
                            .collect(Collectors.joining(", ")) + ")"));
            return parse(child.create().apply(parsed), parsed.operands().subList(1, parsed.operands().size()));
        }
        checkOperands(spec, parsed.operands());
        return new Invocation.Run(spec.name(), command, parsed);
    }

    /// Converts every given value with its option's converter, in command-line order.
    private static ParsedArgs convert(CommandSpec spec, CommandLine line) throws UsageException {
        Map<String, List<?>> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (Opt<?> o : spec.options()) {
            Option option = o.option();
            if (!line.hasOption(option)) {
                continue;
            }
            if (!o.takesValue()) {
                flags.add(o.name());
                continue;
            }
            if (!o.repeatable() && line.getOptionValues(option).length > 1) {
                throw new UsageException(spec.name(), "option '--" + o.name() + "' should be specified only once");
            }
            try {
                Object[] converted = line.getParsedOptionValues(option);
                values.put(o.name(), List.of(converted));
            } catch (ParseException e) {
                String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                throw new UsageException(spec.name(), "Invalid value for option '--" + o.name() + "': " + reason);
            }
        }
        return new ParsedArgs(values, flags, line.getArgList());
    }

    private static void checkOperands(CommandSpec spec, List<String> operands) throws UsageException {
        List<Operand> expected = spec.operands();
        for (int i = operands.size(); i < expected.size(); i++) {
            if (expected.get(i).required()) {
                throw new UsageException(spec.name(), "Missing required parameter: '" + expected.get(i).label() + "'");
            }
        }
        boolean open = !expected.isEmpty() && expected.getLast().repeatable();
        if (!open && operands.size() > expected.size()) {
            List<String> extra = new ArrayList<>(operands.subList(expected.size(), operands.size()));
            throw new UsageException(spec.name(), "Unexpected argument" + (extra.size() > 1 ? "s" : "") + ": '"
                    + String.join("' '", extra) + "'");
        }
    }

    /// commons-cli's reasons in the command's own words.
    private static String message(ParseException e) {
        return switch (e) {
            case UnrecognizedOptionException u -> "Unknown option: '" + u.getOption() + "'";
            case MissingArgumentException m -> "Missing required parameter for option '--" + m.getOption().getLongOpt()
                    + "' (" + m.getOption().getArgName() + ")";
            case AlreadySelectedException a -> a.getOptionGroup().getOptions().stream()
                    .map(o -> "--" + o.getLongOpt()).collect(Collectors.joining(", "))
                    + " are mutually exclusive (specify only one)";
            default -> e.getMessage();
        };
    }
}
