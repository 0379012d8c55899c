package org.relaydoctor.dns;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/// Evaluates a domain's SPF policy (RFC 7208 `check_host`) for an address: `ip4`, `ip6`, `a`, `mx`, `include`,
/// `exists`, `all` and `redirect`, with the limit of 10 DNS-querying terms. `ptr` never matches (RFC 7208
/// deprecates it) and macros beyond `%{d}`, `%{i}`, `%{o}`, `%{h}` make their term not match.
public final class SpfEvaluator {
    /// RFC 7208 4.6.4: at most 10 mechanisms and modifiers that cause DNS look-ups.
    public static final int LOOKUP_LIMIT = 10;
    private static final int MX_LIMIT = 10;

    /// The DNS questions the evaluation asks.
    @FunctionalInterface
    public interface Dns {
        DnsAnswer query(String name, int type);
    }

    /// The results of RFC 7208 section 2.6.
    public enum Result { PASS, FAIL, SOFTFAIL, NEUTRAL, NONE, PERMERROR, TEMPERROR }

    /// The evaluation of one address.
    ///
    /// @param address    the address checked
    /// @param result     the SPF result
    /// @param mechanism  the term that decided it ("ip4:192.0.2.0/24", "include:_spf.example", "default"), or
    ///                   the error's reason
    /// @param lookups    how many DNS-querying terms the evaluation used
    public record Evaluation(String address, Result result, String mechanism, int lookups) {
        public boolean covers() {
            return result == Result.PASS;
        }
    }

    private final Dns dns;

    public SpfEvaluator(Dns dns) {
        this.dns = dns;
    }

    /// The one `v=spf1` record of a domain: FOUND with it, NO_DATA/NXDOMAIN without, a failure status, or
    /// ERROR when the domain publishes more than one (a permanent error).
    public Policy recordOf(String domain) {
        DnsAnswer a = dns.query(domain, Type.TXT);
        if (!a.status().answered()) {
            return new Policy(a.status(), Optional.empty(), a.detail());
        }
        List<String> spf = new ArrayList<>();
        for (Record r : a.ofType()) {
            String text = String.join("", ((TXTRecord) r).getStrings());
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.equals("v=spf1") || lower.startsWith("v=spf1 ")) {
                spf.add(text);
            }
        }
        if (spf.size() > 1) {
            return new Policy(DnsStatus.ERROR, Optional.empty(), "more than one v=spf1 record");
        }
        return spf.isEmpty() ? new Policy(a.status() == DnsStatus.NXDOMAIN ? DnsStatus.NXDOMAIN : DnsStatus.NO_DATA,
                Optional.empty(), "") : new Policy(DnsStatus.FOUND, Optional.of(spf.getFirst()), "");
    }

    /// A domain's SPF record, or why there is none.
    public record Policy(DnsStatus status, Optional<String> text, String detail) {}

    /// `check_host(address, domain)`.
    public Evaluation evaluate(String domain, InetAddress address) {
        State s = new State(address);
        Outcome o = checkHost(domain, s, 0);
        return new Evaluation(address.getHostAddress(), o.result(), o.mechanism(), s.lookups);
    }

    private static final class State {
        final InetAddress ip;
        int lookups;

        State(InetAddress ip) {
            this.ip = ip;
        }
    }

    private record Outcome(Result result, String mechanism) {}

    private static final class LimitExceeded extends Exception {
        LimitExceeded() {
            super(null, null, false, false);
        }
    }

    private static final class TempError extends Exception {
        TempError(String message) {
            super(message, null, false, false);
        }
    }

    private Outcome checkHost(String domain, State s, int depth) {
        if (depth > LOOKUP_LIMIT) {
            return new Outcome(Result.PERMERROR, "include loop");
        }
        Policy rec = recordOf(domain);
        if (rec.status().failed()) {
            return new Outcome(rec.status() == DnsStatus.ERROR && rec.detail().startsWith("more than one")
                    ? Result.PERMERROR : Result.TEMPERROR, domain + ": " + rec.detail());
        }
        if (rec.text().isEmpty()) {
            return new Outcome(Result.NONE, domain + ": no SPF record");
        }
        String redirect = null;
        try {
            for (String term : rec.text().get().trim().split("\\s+")) {
                String t = term.toLowerCase(Locale.ROOT);
                if (t.equals("v=spf1")) {
                    continue;
                }
                if (t.startsWith("redirect=")) {
                    redirect = term.substring("redirect=".length());
                    continue;
                }
                if (t.matches("[a-z][a-z0-9_.-]*=.*")) {
                    continue; // exp= and unknown modifiers do not change the result
                }
                Result qualifier = switch (t.charAt(0)) {
                    case '-' -> Result.FAIL;
                    case '~' -> Result.SOFTFAIL;
                    case '?' -> Result.NEUTRAL;
                    default -> Result.PASS;
                };
                String mech = "+-~?".indexOf(term.charAt(0)) >= 0 ? term.substring(1) : term;
                Optional<Boolean> m;
                try {
                    m = matches(mech, domain, s, depth);
                } catch (NumberFormatException e) {
                    m = Optional.empty();
                }
                if (m.isEmpty()) {
                    return new Outcome(Result.PERMERROR, "unknown mechanism " + term);
                }
                if (m.get()) {
                    return new Outcome(qualifier, domain + ": " + term);
                }
            }
            if (redirect != null) {
                count(s);
                Outcome r = checkHost(expand(redirect, domain, s), s, depth + 1);
                return r.result() == Result.NONE ? new Outcome(Result.PERMERROR, "redirect to " + redirect + " without SPF") : r;
            }
        } catch (LimitExceeded e) {
            return new Outcome(Result.PERMERROR, "more than " + LOOKUP_LIMIT + " DNS look-ups");
        } catch (TempError e) {
            return new Outcome(Result.TEMPERROR, e.getMessage());
        } catch (IncludeError e) {
            return new Outcome(Result.PERMERROR, e.getMessage());
        }
        return new Outcome(Result.NEUTRAL, domain + ": default (no term matched)");
    }

    private static final class IncludeError extends Exception {
        IncludeError(String message) {
            super(message, null, false, false);
        }
    }

    /// Whether one mechanism matches; empty for an unknown mechanism (a permanent error).
    private Optional<Boolean> matches(String mech, String domain, State s, int depth)
            throws LimitExceeded, TempError, IncludeError {
        String lower = mech.toLowerCase(Locale.ROOT);
        String name = lower.contains(":") ? lower.substring(0, lower.indexOf(':')) : lower.split("/")[0];
        String arg = mech.contains(":") ? mech.substring(mech.indexOf(':') + 1) : "";
        switch (name) {
            case "all" -> {
                return Optional.of(true);
            }
            case "ip4", "ip6" -> {
                return Optional.of(inCidr(s.ip, arg, name.equals("ip4")));
            }
            case "include" -> {
                count(s);
                Outcome o = checkHost(expand(arg, domain, s), s, depth + 1);
                return switch (o.result()) {
                    case PASS -> Optional.of(true);
                    case FAIL, SOFTFAIL, NEUTRAL -> Optional.of(false);
                    case TEMPERROR -> throw new TempError(o.mechanism());
                    case PERMERROR, NONE -> throw new IncludeError("include:" + arg + ": " + o.mechanism());
                };
            }
            case "a", "mx" -> {
                count(s);
                String spec = mech.substring(name.length());
                String target = domain;
                if (spec.startsWith(":")) {
                    int slash = spec.indexOf('/');
                    target = expand(slash < 0 ? spec.substring(1) : spec.substring(1, slash), domain, s);
                    spec = slash < 0 ? "" : spec.substring(slash);
                }
                int[] cidr = dualCidr(spec);
                List<String> hosts = new ArrayList<>();
                if (name.equals("a")) {
                    hosts.add(target);
                } else {
                    DnsAnswer mx = dns.query(target, Type.MX);
                    fail(mx);
                    mx.ofType().stream().limit(MX_LIMIT).forEach(r -> hosts.add(DnsLookup.strip(((MXRecord) r).getTarget().toString())));
                }
                for (String h : hosts) {
                    boolean v4 = s.ip instanceof Inet4Address;
                    DnsAnswer addr = dns.query(h, v4 ? Type.A : Type.AAAA);
                    fail(addr);
                    for (Record r : addr.ofType()) {
                        InetAddress a = v4 ? ((ARecord) r).getAddress() : ((AAAARecord) r).getAddress();
                        if (sameNetwork(s.ip, a, v4 ? cidr[0] : cidr[1])) {
                            return Optional.of(true);
                        }
                    }
                }
                return Optional.of(false);
            }
            case "exists" -> {
                count(s);
                String target = expand(arg, domain, s);
                if (target.contains("%")) {
                    return Optional.of(false);
                }
                DnsAnswer a = dns.query(target, Type.A);
                fail(a);
                return Optional.of(a.status() == DnsStatus.FOUND);
            }
            case "ptr" -> {
                count(s);
                return Optional.of(false);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static void count(State s) throws LimitExceeded {
        if (++s.lookups > LOOKUP_LIMIT) {
            throw new LimitExceeded();
        }
    }

    private static void fail(DnsAnswer a) throws TempError {
        if (a.status().failed()) {
            throw new TempError(a.name() + ": " + a.status());
        }
    }

    /// The few macros that need no sender: `%{d}`, `%{o}`, `%{h}` (the domain) and `%{i}` (the address).
    private static String expand(String spec, String domain, State s) {
        return spec.replace("%%", "%").replace("%_", " ").replace("%-", "%20")
                .replaceAll("(?i)%\\{[doh]}", domain).replaceAll("(?i)%\\{i}", s.ip.getHostAddress());
    }

    /// `/v4` and `//v6` prefix lengths of an `a` or `mx` term; full length when absent.
    private static int[] dualCidr(String spec) {
        int v4 = 32;
        int v6 = 128;
        if (spec.startsWith("/") && !spec.startsWith("//")) {
            String rest = spec.substring(1);
            int dbl = rest.indexOf("//");
            v4 = Integer.parseInt(dbl < 0 ? rest : rest.substring(0, dbl));
            if (dbl >= 0) {
                v6 = Integer.parseInt(rest.substring(dbl + 2));
            }
        } else if (spec.startsWith("//")) {
            v6 = Integer.parseInt(spec.substring(2));
        }
        return new int[] {v4, v6};
    }

    private static boolean inCidr(InetAddress ip, String network, boolean v4) {
        if (v4 != ip instanceof Inet4Address) {
            return false;
        }
        int slash = network.indexOf('/');
        String net = slash < 0 ? network : network.substring(0, slash);
        Optional<InetAddress> base = DnsLookup.literal(net);
        if (base.isEmpty()) {
            return false;
        }
        int bits = slash < 0 ? (v4 ? 32 : 128) : Integer.parseInt(network.substring(slash + 1));
        return sameNetwork(ip, base.get(), bits);
    }

    static boolean sameNetwork(InetAddress a, InetAddress b, int bits) {
        byte[] x = a.getAddress();
        byte[] y = b.getAddress();
        if (x.length != y.length || bits < 0 || bits > x.length * 8) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((x[i / 8] & mask) != (y[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
