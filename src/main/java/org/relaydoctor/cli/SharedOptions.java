package org.relaydoctor.cli;

import java.net.InetSocketAddress;
import java.util.Locale;

/// Options that several commands take with the same meaning.
final class SharedOptions {
    private SharedOptions() {}

    static final Opt<InetSocketAddress> DNS_SERVER = Opt.value("dns-server", "HOST[:PORT]", InetSocketAddress.class,
            Converters.DNS_SERVER, "Send every DNS look-up to this resolver.");
    static final Opt<Boolean> JSON = Opt.flag("json", "Print the result as JSON.");
    static final Opt<Locale> LANG = Opt.value("lang", "ru|en|uk", Locale.class, Converters.LANGUAGE,
            "Language of the output (default: the system's).");
}
