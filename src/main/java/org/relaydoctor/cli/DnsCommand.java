package org.relaydoctor.cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

/// `relay-doctor dns DOMAIN`: the DNS checks of a mail domain alone — MX and providers, SRV, SPF — and, with
/// `--client`, reverse DNS and blocklists of an address. Exit 0 when nothing is wrong, 1 when something is,
/// 3 when the MX question itself failed.
final class DnsCommand implements Subcommand {
    static final String DESCRIPTION = "Checks a mail domain's DNS: MX records and their provider (mixed, missing,"
            + " invalid), RFC 6186 SRV records, SPF; with --client, reverse DNS and blocklists of an address.";

    static final Opt<InetSocketAddress> DNS_SERVER = SharedOptions.DNS_SERVER;
    static final Opt<String> SMTP_HOST = Opt.text("smtp-host", "H",
            "Also resolve this outgoing server and check SPF for it.");
    static final Opt<String> CLIENT = Opt.text("client", "ADDR",
            "Also look this client address up (reverse DNS, blocklists).");
    static final Opt<DnsBlocklist> BLOCKLIST = Opt.repeatable("blocklist", "ZONE[:policy]", DnsBlocklist.class,
            Converters.BLOCKLIST, "A DNS blocklist to use instead of the defaults (repeatable); ':policy' marks a"
                    + " dynamic-range list.");
    static final Opt<Duration> TIMEOUT = Opt.value("timeout", "SECONDS", Duration.class, Converters.TIMEOUT,
            "Time-out of each DNS question (default: 5).");
    static final Opt<Boolean> JSON = SharedOptions.JSON;
    static final Opt<Locale> LANG = SharedOptions.LANG;

    @Override
    public CommandSpec spec() {
        return CommandSpec.of(RelayDoctorCommand.NAME + " dns", DESCRIPTION)
                .withOperands(Operand.required("DOMAIN", "The mail domain (or an e-mail address)."))
                .withOptions(DNS_SERVER, SMTP_HOST, CLIENT, BLOCKLIST, TIMEOUT, JSON, LANG);
    }

    @Override
    public int run(ParsedArgs args, Output output) {
        PrintWriter out = output.out();
        PrintWriter err = output.err();
        Locale locale = args.value(LANG).orElse(Locale.getDefault());
        String domain = args.operand(0).orElseThrow();
        String client = args.value(CLIENT).orElse(null);
        String smtpHost = args.value(SMTP_HOST).orElse(null);
        Optional<InetSocketAddress> dnsServer = args.value(DNS_SERVER);
        List<DnsBlocklist> blocklists = args.values(BLOCKLIST);
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
            lookup = DnsLookup.of(dnsServer, args.value(TIMEOUT).orElse(Duration.ofSeconds(5)));
        } catch (UnknownHostException e) {
            err.println(cli.get("dns.error.server", dnsServer.orElseThrow().getHostString()));
            return ExitStatus.USAGE;
        }
        ProviderCatalog catalog = ProviderCatalog.bundled();
        DnsChecker checker = new DnsChecker(lookup, catalog, blocklists.isEmpty() ? catalog.blocklists() : blocklists);
        String ascii = java.net.IDN.toASCII(d, java.net.IDN.ALLOW_UNASSIGNED);
        DnsReport report = smtpHost == null ? checker.check(ascii) : checker.check(accountFor(ascii, smtpHost));
        if (client != null) {
            report = checker.client(report, client);
        }
        out.print(args.has(JSON) ? new JsonReport(locale).write(report) + "\n" : text(report, cli, Messages.load("verdicts", locale)));
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
}
