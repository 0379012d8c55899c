package org.relaydoctor.profile;

import java.util.Arrays;

/// A password. Its {@link #toString()} never shows the value, so a secret that slips into a log line,
/// an exception message or a report prints as a mask.
public final class Secret {
    private static final Secret EMPTY = new Secret(new char[0]);

    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    public static Secret of(char[] value) {
        return value.length == 0 ? EMPTY : new Secret(value.clone());
    }

    public static Secret of(String value) {
        return of(value.toCharArray());
    }

    public static Secret empty() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    /// The clear value, for the one place that hands it to a server (and to the redactor).
    public String reveal() {
        return new String(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return isEmpty() ? "Secret[empty]" : "Secret[******]";
    }
}
