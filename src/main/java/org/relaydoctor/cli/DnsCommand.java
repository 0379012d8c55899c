package org.relaydoctor.cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.relaydoctor.diagnosis.Finding;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.diagnosis.Severity;
import org.relaydoctor.dns.DnsBlocklist;
import org.relaydoctor.dns.DnsChecker;
import org.relaydoctor.dns.DnsLookup;
import org.relaydoctor.dns.DnsReport;
import org.relaydoctor.dns.MxRecord;
import org.relaydoctor.dns.ProviderCatalog;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.IncomingServer;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;
import org.relaydoctor.report.JsonReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/// `relay-doctor dns DOMAIN`: the DNS checks of a mail domain alone — MX and providers, SRV, SPF — and, with
/// `--client`, reverse DNS and blocklists of an address. Exit 0 when nothing is wrong, 1 when something is,
/// 3 when the MX question itself failed.
@Command(name = "dns", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Checks a mail domain's DNS: MX records and their provider (mixed, missing, invalid), "
                + "RFC 6186 SRV records, SPF; with --client, reverse DNS and blocklists of an address.")
public final class DnsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DOMAIN", description = "The mail domain (or an e-mail address).")
    String domain;

    @Option(names = "--dns-server", paramLabel = "HOST[:PORT]", converter = CheckCommand.DnsServerConverter.class,
            description = "Send every DNS look-up to this resolver.")
    InetSocketAddress dnsServer;

    @Option(names = "--smtp-host", paramLabel = "H", description = "Also resolve this outgoing server and check SPF for it.")
    String smtpHost;

    @Option(names = "--client", paramLabel = "ADDR", description = "Also look this client address up (reverse DNS, blocklists).")
    String client;

    @Option(names = "--blocklist", paramLabel = "ZONE[:policy]", converter = BlocklistConverter.class,
            description = "A DNS blocklist to use instead of the defaults (repeatable); ':policy' marks a dynamic-range list.")
    List<DnsBlocklist> blocklists = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = CheckCommand.TimeoutConverter.class,
            description = "Time-out of each DNS question (default: 5).")
    Duration timeout = Duration.ofSeconds(5);

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--lang", paramLabel = "ru|en|uk", converter = CheckCommand.LanguageConverter.class,
            description = "Language of the output (default: the system's).")
    Locale lang;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Locale locale = lang != null ? lang : Locale.getDefault();
        Messages cli = Messages.load("cli", locale);
        String d = domain.contains("@") ? domain.substring(domain.lastIndexOf('@') + 1) : domain;
        if (!d.matches("[\\p{L}\\p{N}_.-]+") || d.startsWith(".") || d.contains("..")) {
            err.println(cli.get("dns.error.domain", domain));
            return ExitStatus.USAGE;
        }
        if (client != null && DnsLookup.literal(client).isEmpty()) {
            err.println(cli.get("dns.error.client", client));
            return ExitStatus.USAGE;
        }
        DnsLookup lookup;
        try {
            lookup = DnsLookup.of(Optional.ofNullable(dnsServer), timeout);
        } catch (UnknownHostException e) {
            err.println(cli.get("dns.error.server", dnsServer.getHostString()));
            return ExitStatus.USAGE;
        }
        ProviderCatalog catalog = ProviderCatalog.bundled();
        DnsChecker checker = new DnsChecker(lookup, catalog, blocklists.isEmpty() ? catalog.blocklists() : blocklists);
        String ascii = java.net.IDN.toASCII(d, java.net.IDN.ALLOW_UNASSIGNED);
        DnsReport report = smtpHost == null ? checker.check(ascii) : checker.check(accountFor(ascii, smtpHost));
        if (client != null) {
            report = checker.client(report, client);
        }
        out.print(json ? new JsonReport(locale).write(report) + "\n" : text(report, cli, Messages.load("verdicts", locale)));
        out.flush();
        if (report.mxStatus().failed()) {
            return ExitStatus.COULD_NOT_CHECK;
        }
        return report.findings().stream().anyMatch(f -> f.severity() != Severity.INFO)
                ? ExitStatus.RESTRICTION : ExitStatus.RELAY_WORKS;
    }

    private static AccountProfile accountFor(String domain, String smtpHost) {
        String email = "postmaster@" + domain;
        return new AccountProfile(email, "", email,
                new IncomingServer(MailProtocol.IMAP, "", 993,
                        Security.SSL_TLS),
                new OutgoingServer(smtpHost, 587, Security.STARTTLS),
                email, new SmtpAuth.Off(), false, "", Duration.ofSeconds(5));
    }

    private static String text(DnsReport r, Messages cli, Messages verdicts) {
        StringBuilder b = new StringBuilder();
        b.append(cli.get("dns.text.title", r.domain(), r.resolver())).append('\n');
        b.append(cli.get("dns.text.mx", r.mxStatus().name())).append('\n');
        for (MxRecord m : r.mx()) {
            b.append("  ").append(m.preference()).append(' ').append(m.host())
                    .append(m.provider().map(p -> "  [" + p + "]").orElse(""))
                    .append(m.addresses().isEmpty() ? "" : "  " + String.join(", ", m.addresses()))
                    .append(m.problem().map(p -> "  ! " + p).orElse("")).append('\n');
        }
        r.provider().ifPresent(p -> b.append(cli.get("dns.text.provider", p)).append('\n'));
        for (DnsReport.ServerName s : r.servers()) {
            b.append(cli.get("dns.text.server", cli.get("dns.role." + s.role()), s.host(),
                    s.addresses().isEmpty() ? s.status().name() : String.join(", ", s.addresses()))).append('\n');
            s.suggestion().ifPresent(x -> b.append("  ").append(cli.get("dns.text.didYouMean", x)).append('\n'));
        }
        if (!r.srv().isEmpty()) {
            b.append(cli.get("dns.text.srv")).append('\n');
            r.srv().forEach(s -> b.append("  ").append(s.service()).append(' ').append(s.priority()).append(' ')
                    .append(s.weight()).append(' ').append(s.port()).append(' ').append(s.target()).append('\n'));
        }
        r.spf().ifPresent(spf -> {
            b.append(cli.get("dns.text.spf", spf.record().orElse(spf.status().name()))).append('\n');
            spf.evaluations().forEach(e -> b.append("  ").append(e.address()).append(": ").append(e.result())
                    .append(" (").append(e.mechanism()).append(")\n"));
        });
        r.reverse().forEach(x -> b.append(cli.get("dns.text.reverse", cli.get("dns.role." + x.role()), x.address(),
                x.name().orElse(x.status().name()))).append('\n'));
        r.blocklists().forEach(x -> b.append(cli.get("dns.text.blocklist", x.address(), x.zone(),
                x.listed() || x.status().name().equals("FOUND") ? String.join(", ", x.codes()) : x.status().name()))
                .append('\n'));
        if (!r.findings().isEmpty()) {
            b.append('\n').append(cli.get("check.text.findings")).append('\n');
            for (Finding f : r.findings()) {
                String key = "finding." + f.code().name();
                b.append("  - ").append(f.severity().name()).append(": ").append(verdicts.get(key + ".title"))
                        .append(" [").append(f.code().name()).append("]\n    ")
                        .append(JsonReport.fillDetails(verdicts.get(key + ".detail"), f.details())).append('\n');
            }
        }
        return b.toString();
    }

    static final class BlocklistConverter implements ITypeConverter<DnsBlocklist> {
        @Override
        public DnsBlocklist convert(String value) {
            try {
                return DnsBlocklist.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
