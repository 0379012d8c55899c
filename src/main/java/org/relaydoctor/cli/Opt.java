package org.relaydoctor.cli;

import org.apache.commons.cli.Converter;
import org.apache.commons.cli.Option;

/// One option of a command's table: the commons-cli `Option` (name, value label, description, converter) and the
/// type its values convert to, so that a command reads them typed from {@link ParsedArgs}.
record Opt<T>(Option option, Class<T> type, boolean repeatable) {
    static final Opt<Boolean> HELP = new Opt<>(Option.builder("h").longOpt("help")
            .desc("Show this help message and exit.").get(), Boolean.class, true);
    static final Opt<Boolean> VERSION = new Opt<>(Option.builder("V").longOpt("version")
            .desc("Print version information and exit.").get(), Boolean.class, true);

    /// `--name LABEL`, the value as given.
    static Opt<String> text(String name, String label, String description) {
        return value(name, label, String.class, s -> s, description);
    }

    /// `--name LABEL`, the value converted; a converter's {@link IllegalArgumentException} is a usage error.
    static <T> Opt<T> value(String name, String label, Class<T> type, Converter<T, IllegalArgumentException> converter,
            String description) {
        return new Opt<>(Option.builder().longOpt(name).hasArg().argName(label).type(type).converter(converter)
                .desc(description).get(), type, false);
    }

    /// Like {@link #value}, and may be given more than once.
    static <T> Opt<T> repeatable(String name, String label, Class<T> type,
            Converter<T, IllegalArgumentException> converter, String description) {
        return new Opt<>(value(name, label, type, converter, description).option(), type, true);
    }

    /// `--name` without a value.
    static Opt<Boolean> flag(String name, String description) {
        return new Opt<>(Option.builder().longOpt(name).desc(description).get(), Boolean.class, true);
    }

    String name() {
        return option.getLongOpt();
    }

    boolean takesValue() {
        return option.hasArg();
    }
}
