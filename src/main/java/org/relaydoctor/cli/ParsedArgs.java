package org.relaydoctor.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/// One command's line after parsing: each option's values already converted to their type, and the operands.
record ParsedArgs(Map<String, List<?>> values, Set<String> flags, List<String> operands) {
    ParsedArgs {
        values = Map.copyOf(values);
        flags = Set.copyOf(flags);
        operands = List.copyOf(operands);
    }

    /// The value of a single-valued option; empty when not given.
    <T> Optional<T> value(Opt<T> option) {
        return values(option).stream().findFirst();
    }

    /// Every value of an option, in command-line order.
    <T> List<T> values(Opt<T> option) {
        return values.getOrDefault(option.name(), List.of()).stream().map(option.type()::cast).toList();
    }

    boolean has(Opt<Boolean> flag) {
        return flags.contains(flag.name());
    }

    Optional<String> operand(int index) {
        return index < operands.size() ? Optional.of(operands.get(index)) : Optional.empty();
    }
}
