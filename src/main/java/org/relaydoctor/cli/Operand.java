package org.relaydoctor.cli;

/// A positional parameter of a command (`DOMAIN`, `[TEXT]`, `[NAME...]`).
record Operand(String label, String description, boolean required, boolean repeatable) {
    static Operand required(String label, String description) {
        return new Operand(label, description, true, false);
    }

    static Operand optional(String label, String description) {
        return new Operand(label, description, false, false);
    }

    static Operand repeatable(String label, String description) {
        return new Operand(label, description, false, true);
    }

    /// As the usage line shows it.
    String syntax() {
        String s = label + (repeatable ? "..." : "");
        return required ? s : "[" + s + "]";
    }
}
