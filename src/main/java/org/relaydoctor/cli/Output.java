package org.relaydoctor.cli;

import java.io.PrintWriter;

/// Where a command writes: the result to `out`, progress and messages to `err`.
record Output(PrintWriter out, PrintWriter err) {}
