package org.relaydoctor.diagnosis;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relaydoctor.diagnosis.Explanation.InputKind;
import org.relaydoctor.diagnosis.Explanation.SettlingCheck;
import org.relaydoctor.probe.ServerReply;

/// Explains a pasted error text offline: a server reply, a mail program's error dialog (Outlook, Thunderbird,
/// English or Russian) or a whole bounce message (RFC 3464 delivery status or the plain-text bounces of
/// Postfix, Exim, Exchange, Gmail). It finds the server replies in the text, reads them with the shared
/// {@link ReplyClassifier}, and picks the one that explains the failure; the rest of the text gives facts.
///
/// Hostile input is cheap: the text, each line and the number of lines are bounded, and every pattern is
/// linear. No exception escapes {@link #explain(String)}.
public final class TextExplainer {
    static final int MAX_INPUT = 256 * 1024;
    static final int MAX_LINE = 2_000;
    static final int MAX_LINES = 5_000;
    private static final int MAX_PARTS = 100;
    private static final int MAX_DEPTH = 8;
    private static final Set<Integer> REPLY_CODES = Set.of(421, 450, 451, 452, 454, 455, 500, 501, 502, 503, 504,
            513, 521, 530, 534, 535, 538, 550, 551, 552, 553, 554, 555, 556);

    private static final Pattern REPLY_START = Pattern.compile("(?<![\\w.#/:=-])([2-5]\\d\\d)(?:([ -])|$)");
    private static final Pattern CONTINUATION = Pattern.compile("^([2-5]\\d\\d)[ -]");
    private static final Pattern ENHANCED = Pattern.compile("^([245]\\.\\d{1,3}\\.\\d{1,3})\\b");
    private static final Pattern ERROR_NUMBER = Pattern.compile("\\b0x[0-9a-fA-F]{8}\\b");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){1,8}");
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern DIALOG_RESPONSE = Pattern.compile(
            "(?:server response|ответ сервера|відповідь сервера)\\s{0,3}:\\s{0,3}([^\\n]{1,600})", FLAGS);
    private static final Pattern DIALOG_PORT = Pattern.compile("(?:\\bport|порт)\\s{0,3}:\\s{0,3}(\\d{1,5})\\b", FLAGS);
    private static final Pattern DIALOG_SSL = Pattern.compile(
            "(?:secure\\s{0,3}\\(ssl\\)|защищено\\s{0,3}\\(ssl\\)|защита\\s{0,3}\\(ssl\\)|захист\\s{0,3}\\(ssl\\))\\s{0,3}:\\s{0,3}(yes|no|да|нет|так|ні)", FLAGS);
    private static final Pattern DIALOG_SERVER = Pattern.compile(
            "(?<![\\p{L}-])(?:server|сервер)\\s{0,3}:\\s{0,3}['\"«<]?\\s{0,3}([a-z0-9][a-z0-9.-]{0,252})", FLAGS);
    private static final Pattern DIALOG_ACCOUNT = Pattern.compile(
            "(?:\\baccount|учетная запись|учётная запись|обліковий запис)\\s{0,3}:\\s{0,3}['\"«<]?\\s{0,3}([^'\"»>,\\n]{1,200})", FLAGS);
    private static final Pattern DIALOG_REJECTED = Pattern.compile(
            "(?:rejected e-?mail address was|rejected address was|был указан адрес|відхилена адреса)\\s{0,3}:?\\s{0,3}['\"«<]?\\s{0,3}([^'\"»>,\\s]{1,254})", FLAGS);
    private static final Pattern TB_SERVER = Pattern.compile(
            "outgoing server \\(smtp\\) ([a-z0-9][a-z0-9.-]{0,252})|сервер(?:у|а)? исходящей почты \\(smtp\\) ([a-z0-9][a-z0-9.-]{0,252})", FLAGS);
    private static final Pattern HEADERS_START = Pattern.compile(
            "^(?:Return-Path|Received|From|To|Subject|Date|Message-ID|MIME-Version|Content-Type|Delivered-To|X-[\\w-]{1,60}):", Pattern.CASE_INSENSITIVE);

    /// One mail session for parsing only: creating one reads the provider lists each time, which is slow.
    private static final Session PARSING = Session.getInstance(new Properties());

    private final ReplyClassifier classifier;
    private final ReplyKnowledge knowledge;

    public TextExplainer() {
        this(new ReplyClassifier(), ReplyKnowledge.standard());
    }

    public TextExplainer(ReplyClassifier classifier, ReplyKnowledge knowledge) {
        this.classifier = classifier;
        this.knowledge = knowledge;
    }

    /// A server reply found in the text, with where it came from.
    private record Candidate(ServerReply reply, SmtpPhase phase, String evidence, int priority, InputKind kind) {}

    /// The explanation of `input`; never throws.
    public Explanation explain(String input) {
        try {
            return explainChecked(input == null ? "" : input);
        } catch (RuntimeException | StackOverflowError e) {
            return new Explanation(RelayVerdict.of(VerdictCode.UNKNOWN, List.of()), InputKind.UNRECOGNISED, false,
                    false, Optional.empty(), SmtpPhase.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), ExtractedFacts.none());
        }
    }

    private Explanation explainChecked(String input) {
        String text = normalise(input);
        if (text.isBlank()) {
            return new Explanation(RelayVerdict.of(VerdictCode.UNKNOWN, List.of()), InputKind.EMPTY, false, false,
                    Optional.empty(), SmtpPhase.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), ExtractedFacts.none());
        }
        List<Candidate> candidates = new ArrayList<>();
        Facts facts = new Facts();
        String body = text;
        boolean bounce = false;
        if (looksLikeMessage(text) && fewPartDelimiters(text)) {
            Optional<String> parsed = readMessage(text, candidates, facts);
            if (parsed.isPresent()) {
                body = parsed.get();
                bounce = true;
            }
        }
        Optional<String> errorNumber = firstMatch(ERROR_NUMBER, body).map(n -> "0x" + n.substring(2).toUpperCase(Locale.ROOT));
        readDialog(body, errorNumber, candidates, facts);
        readLines(body, bounce ? InputKind.BOUNCE : InputKind.SERVER_REPLY, candidates);
        if (candidates.isEmpty() && body.length() <= ReplyClassifier.MAX_TEXT && body.lines().limit(12).count() <= 10) {
            String bare = body.strip();
            // A one-line paste may carry only the enhanced code ("5.7.57 Client not authenticated ...").
            ServerReply reply = bare.lines().count() > 1 ? ServerReply.parse(bare) : replyOf(bare);
            candidates.add(new Candidate(reply, SmtpPhase.UNKNOWN, oneLine(bare), 9, InputKind.SERVER_REPLY));
        }
        collectAddresses(body, facts);
        ExtractedFacts extracted = facts.build();

        candidates.sort(Comparator.comparingInt(Candidate::priority));
        Candidate best = null;
        ReplyClassifier.Match bestMatch = null;
        int bestScore = Integer.MAX_VALUE;
        for (Candidate c : candidates) {
            ReplyClassifier.Match m = classifier.match(c.reply(), c.phase());
            boolean refusal = m.layer() == ReplyClassifier.Layer.WORDING && m.classification().code() != VerdictCode.OK
                    || m.layer() != ReplyClassifier.Layer.POSITIVE && (c.reply().code() >= 400
                    || c.reply().enhancedCode().startsWith("4") || c.reply().enhancedCode().startsWith("5"));
            if (!refusal) {
                continue;
            }
            // The server's own wording beats a bare code; a known code beats UNKNOWN; then the better source.
            int score = (m.layer() == ReplyClassifier.Layer.WORDING ? 0
                    : m.classification().code() != VerdictCode.UNKNOWN ? 100 : 200) + c.priority();
            if (score < bestScore) {
                best = c;
                bestMatch = m;
                bestScore = score;
            }
        }
        Optional<ReplyKnowledge.ClientError> clientError = errorNumber.flatMap(knowledge::clientError);
        InputKind kind = bounce ? InputKind.BOUNCE
                : errorNumber.isPresent() || facts.dialog ? InputKind.CLIENT_DIALOG
                : best != null ? best.kind() : InputKind.UNRECOGNISED;

        if (best != null && !(bestMatch.classification().code() == VerdictCode.UNKNOWN && clientError.isPresent()
                && bestMatch.layer() != ReplyClassifier.Layer.WORDING)) {
            Classification c = bestMatch.classification();
            List<String> evidence = new ArrayList<>();
            evidence.add(best.evidence());
            errorNumber.ifPresent(n -> evidence.add(n));
            return new Explanation(new RelayVerdict(c.code(), false, evidence, List.of(), c.alternatives()), kind, true,
                    c.relayRefusal(), Optional.of(best.reply()), best.phase(), c.server(), c.patternId(), errorNumber,
                    settling(c.code(), c.alternatives()), extracted);
        }
        if (clientError.isPresent()) {
            ReplyKnowledge.ClientError ce = clientError.get();
            List<String> evidence = new ArrayList<>();
            if (best != null) {
                evidence.add(best.evidence());
            }
            evidence.add(ce.number());
            return new Explanation(new RelayVerdict(ce.verdict(), false, evidence, List.of(), ce.alternatives()), kind,
                    true, ce.relayRefusal(), Optional.ofNullable(best).map(Candidate::reply),
                    best == null ? SmtpPhase.UNKNOWN : best.phase(), Optional.of(ce.client()), Optional.empty(),
                    errorNumber, settling(ce.verdict(), ce.alternatives()), extracted);
        }
        for (ReplyKnowledge.ClientMessage cm : knowledge.clientMessages()) {
            Matcher m = cm.regex().matcher(body.length() > 8 * ReplyClassifier.MAX_TEXT
                    ? body.substring(0, 8 * ReplyClassifier.MAX_TEXT) : body);
            if (m.find()) {
                return new Explanation(new RelayVerdict(cm.verdict(), false, List.of(lineAround(body, m.start())),
                        List.of(), cm.alternatives()), InputKind.CLIENT_DIALOG, true, false, Optional.empty(),
                        SmtpPhase.UNKNOWN, Optional.of(cm.client()), Optional.of(cm.id()), Optional.empty(),
                        settling(cm.verdict(), cm.alternatives()), extracted);
            }
        }
        boolean positive = candidates.stream().anyMatch(c -> c.reply().isPositive()) || facts.delivered;
        return new Explanation(RelayVerdict.of(positive ? VerdictCode.OK : VerdictCode.UNKNOWN, List.of()), kind,
                false, false, Optional.empty(), SmtpPhase.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), extracted);
    }

    private static Optional<SettlingCheck> settling(VerdictCode code, List<VerdictCode> alternatives) {
        if (alternatives.isEmpty() && code != VerdictCode.UNKNOWN) {
            return Optional.empty();
        }
        return Optional.of(switch (code) {
            case SENDER_NOT_LOCAL, SENDER_NOT_OWNED, SENDER_UNKNOWN, NULL_SENDER_REJECTED -> SettlingCheck.SENDER_CHECK;
            case CLIENT_BLOCKED, CLIENT_BLOCKED_DYNAMIC -> SettlingCheck.BLOCKLIST_CHECK;
            case PORT_BLOCKED, CONNECTION_REFUSED, NO_GREETING, HOST_NOT_FOUND, TLS_FAILED -> SettlingCheck.CONNECTION_CHECK;
            default -> SettlingCheck.ACCOUNT_CHECK;
        });
    }

    // ---- input shape -------------------------------------------------------------------------------------

    private static String normalise(String input) {
        String s = input.length() > MAX_INPUT ? input.substring(0, MAX_INPUT) : input;
        s = s.replace("\r\n", "\n").replace('\r', '\n').replace('\u0000', ' ');
        return s.indexOf('\u00A0') >= 0 ? s.replace('\u00A0', ' ') : s;
    }

    private static boolean looksLikeMessage(String text) {
        int headers = 0;
        int checked = 0;
        for (String line : (Iterable<String>) text.lines().limit(30)::iterator) {
            if (line.isEmpty()) {
                break;
            }
            checked++;
            if (HEADERS_START.matcher(line.length() > 100 ? line.substring(0, 100) : line).find()) {
                headers++;
            }
        }
        return headers >= 2 && checked > 0;
    }

    /// Jakarta Mail parses every part of a multipart at once, slowly for thousands; such text is read as plain.
    private static boolean fewPartDelimiters(String text) {
        int count = 0;
        for (int i = text.indexOf("\n--"); i >= 0; i = text.indexOf("\n--", i + 3)) {
            if (++count > 2 * MAX_PARTS) {
                return false;
            }
        }
        return true;
    }

    /// Reads a MIME message: delivery-status parts become candidates, text parts are returned for scanning.
    private Optional<String> readMessage(String text, List<Candidate> candidates, Facts facts) {
        try {
            MimeMessage message = new MimeMessage(PARSING,
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            var to = message.getHeader("To", ",");
            if (to != null) {
                for (InternetAddress a : InternetAddress.parseHeader(to, false)) {
                    facts.sender = Optional.ofNullable(a.getAddress()).filter(s -> s.contains("@"));
                    break;
                }
            }
            StringBuilder body = new StringBuilder();
            int[] parts = {0};
            walk(message, 0, parts, body, candidates, facts);
            return Optional.of(body.toString());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private void walk(Part part, int depth, int[] parts, StringBuilder body, List<Candidate> candidates, Facts facts)
            throws Exception {
        if (depth > MAX_DEPTH || parts[0]++ > MAX_PARTS || body.length() > MAX_INPUT) {
            return;
        }
        String type = Optional.ofNullable(part.getContentType()).orElse("text/plain").toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            Object content = part.getContent();
            if (content instanceof Multipart mp) {
                for (int i = 0; i < mp.getCount() && i < MAX_PARTS; i++) {
                    BodyPart child = mp.getBodyPart(i);
                    walk(child, depth + 1, parts, body, candidates, facts);
                }
            }
        } else if (type.startsWith("message/delivery-status") || type.startsWith("message/global-delivery-status")) {
            try (InputStream in = part.getInputStream()) {
                readDeliveryStatus(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8), candidates, facts);
            }
        } else if (type.startsWith("text/")) {
            Object content = part.getContent();
            if (content instanceof String s) {
                String plain = type.startsWith("text/html") ? s.replaceAll("<[^>]{0,2000}>", " ") : s;
                body.append(normalise(plain)).append('\n');
            }
        } else if (type.startsWith("message/rfc822") || type.startsWith("text/rfc822-headers")) {
            // The returned original: its headers show nothing about the failure.
        }
    }

    /// RFC 3464: a per-message block (Reporting-MTA) and per-recipient blocks (Action, Status, Remote-MTA,
    /// Diagnostic-Code), each a header block ended by an empty line.
    private void readDeliveryStatus(String dsn, List<Candidate> candidates, Facts facts) throws Exception {
        InputStream in = new ByteArrayInputStream(dsn.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        for (int block = 0; block < 50 && in.available() > 0; block++) {
            InternetHeaders h = new InternetHeaders(in);
            header(h, "Reporting-MTA").ifPresent(v -> facts.reportingMta = Optional.of(afterType(v)));
            header(h, "Remote-MTA").ifPresent(v -> facts.remoteMta = Optional.of(afterType(v)));
            header(h, "Final-Recipient").or(() -> header(h, "Original-Recipient"))
                    .ifPresent(v -> facts.recipient = Optional.of(afterType(v)));
            Optional<String> action = header(h, "Action").map(v -> v.strip().toLowerCase(Locale.ROOT));
            if (action.isPresent() && !action.get().startsWith("failed") && !action.get().startsWith("delayed")) {
                facts.delivered = true;
            }
            Optional<String> status = header(h, "Status").map(String::strip);
            Optional<String> rawDiagnostic = header(h, "Diagnostic-Code").map(v -> v.replaceAll("\\s{1,80}", " ").strip());
            Optional<String> diagnostic = rawDiagnostic.map(TextExplainer::afterType);
            if (diagnostic.isPresent() || status.isPresent() && action.isPresent()) {
                String reply = diagnostic.orElse(status.orElse(""));
                ServerReply parsed = replyOf(reply);
                if (parsed.enhancedCode().isEmpty() && status.isPresent() && ENHANCED.matcher(status.get()).find()) {
                    parsed = new ServerReply(parsed.code(), status.get().split("\\s")[0], parsed.lines());
                }
                candidates.add(new Candidate(parsed, phaseNear(reply), oneLine("Diagnostic-Code: " + rawDiagnostic.orElse(reply)), 0,
                        InputKind.BOUNCE));
            }
        }
    }

    private static Optional<String> header(InternetHeaders h, String name) {
        String[] v = h.getHeader(name);
        return v == null || v.length == 0 ? Optional.empty() : Optional.of(v[0]);
    }

    /// "rfc822; bob@example.org" -> "bob@example.org"; "dns; mx.example.org" -> "mx.example.org".
    private static String afterType(String value) {
        int semi = value.indexOf(';');
        return (semi >= 0 && semi < 20 ? value.substring(semi + 1) : value).strip();
    }

    // ---- dialogs ---------------------------------------------------------------------------------------------

    private static void readDialog(String body, Optional<String> errorNumber, List<Candidate> candidates, Facts facts) {
        String head = body.length() > 16 * 1024 ? body.substring(0, 16 * 1024) : body;
        SmtpPhase phase = errorNumber.map(n -> switch (n) {
            case "0x800CCC79" -> SmtpPhase.RCPT;
            case "0x800CCC78" -> SmtpPhase.MAIL;
            default -> SmtpPhase.UNKNOWN;
        }).orElse(SmtpPhase.UNKNOWN);
        Matcher response = DIALOG_RESPONSE.matcher(head);
        if (response.find()) {
            facts.dialog = true;
            String reply = cutDialogValue(response.group(1));
            candidates.add(new Candidate(replyOf(reply), phase, oneLine(reply), 1, InputKind.CLIENT_DIALOG));
        }
        int responded = indexOfAny(head, "mail server responded:", "почтовый сервер ответил:", "поштовий сервер відповів:");
        if (responded >= 0) {
            facts.dialog = true;
            String rest = head.substring(head.indexOf(':', responded) + 1);
            rest = rest.length() > 1_000 ? rest.substring(0, 1_000) : rest;
            int end = indexOfAny(rest, "please ", "пожалуйста", "проверьте", "убедитесь", "перевірте");
            String reply = oneLine(end >= 0 ? rest.substring(0, end) : rest).replaceAll("[.\\s]+$", "");
            String lower = head.toLowerCase(Locale.ROOT);
            SmtpPhase tbPhase = lower.contains("message recipient") || lower.contains("получател") ? SmtpPhase.RCPT
                    : lower.contains("your email address") || lower.contains("адрес электронной почты") ? SmtpPhase.MAIL
                    : phase;
            candidates.add(new Candidate(replyOf(reply), tbPhase, oneLine(reply), 1, InputKind.CLIENT_DIALOG));
        }
        firstGroup(DIALOG_PORT, head).ifPresent(p -> {
            int port = Integer.parseInt(p);
            if (port > 0 && port < 65_536) {
                facts.port = OptionalInt.of(port);
            }
        });
        firstGroup(DIALOG_SSL, head).ifPresent(v -> {
            String s = v.toLowerCase(Locale.ROOT);
            facts.ssl = Optional.of(s.equals("yes") || s.equals("да") || s.equals("так"));
        });
        firstGroup(DIALOG_SERVER, head).map(TextExplainer::trimHost).filter(h -> h.contains("."))
                .ifPresent(h -> facts.outgoingServer = Optional.of(h));
        if (facts.outgoingServer.isEmpty()) {
            Matcher tb = TB_SERVER.matcher(head);
            if (tb.find()) {
                facts.outgoingServer = Optional.of(trimHost(tb.group(1) != null ? tb.group(1) : tb.group(2)));
            }
        }
        firstGroup(DIALOG_ACCOUNT, head).map(String::strip).filter(s -> !s.isEmpty())
                .ifPresent(a -> facts.account = Optional.of(a));
        firstGroup(DIALOG_REJECTED, head).map(s -> s.replaceAll("[.>]+$", "")).filter(s -> s.contains("@"))
                .ifPresent(r -> facts.recipient = Optional.of(r));
    }

    /// Outlook separates fields with ", Port:" / ", порт:"; the quoted reply ends before them.
    private static String cutDialogValue(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        int cut = indexOfAny(lower, ", port", ", порт", ", secure", ", защ", ", server error", ", ошибка сервера");
        String v = (cut >= 0 ? value.substring(0, cut) : value).strip();
        return v.replaceAll("^['\"«„“]+|['\"»“”]+$", "").strip();
    }

    private static String trimHost(String host) {
        return host.replaceAll("[.-]+$", "").toLowerCase(Locale.ROOT);
    }

    // ---- plain lines -----------------------------------------------------------------------------------------

    /// Finds replies inside lines ("host x said: 550 ...", "Remote Server returned '550 ...'", a pasted
    /// transcript), joins multi-line replies and the indented continuation lines bounces wrap them into.
    private static void readLines(String body, InputKind kind, List<Candidate> candidates) {
        List<String> lines = body.lines().limit(MAX_LINES)
                .map(l -> l.length() > MAX_LINE ? l.substring(0, MAX_LINE) : l).toList();
        for (int i = 0; i < lines.size() && candidates.size() < 50; i++) {
            String line = lines.get(i);
            Matcher m = REPLY_START.matcher(line);
            if (!m.find() || !REPLY_CODES.contains(Integer.parseInt(m.group(1))) && !line.startsWith(m.group(1))) {
                continue;
            }
            if (!REPLY_CODES.contains(Integer.parseInt(m.group(1))) && Integer.parseInt(m.group(1)) < 400) {
                continue;
            }
            List<String> reply = new ArrayList<>();
            reply.add(line.substring(m.start()).strip());
            int j = i + 1;
            String code = m.group(1);
            while (j < lines.size() && j - i < 12) {
                String next = lines.get(j);
                Matcher cont = CONTINUATION.matcher(next.strip());
                boolean sameCode = cont.find() && cont.group(1).equals(code) && reply.getLast().startsWith(code + "-");
                boolean wrapped = !next.isBlank() && Character.isWhitespace(next.charAt(0)) && !sameCode
                        && !REPLY_START.matcher(next.strip()).lookingAt();
                if (sameCode) {
                    reply.add(next.strip());
                } else if (wrapped) {
                    reply.set(reply.size() - 1, reply.getLast() + " " + next.strip());
                } else {
                    break;
                }
                j++;
            }
            String window = String.join(" ", lines.subList(Math.max(0, i - 2), Math.min(lines.size(), j + 1)));
            List<String> cleaned = reply.stream().map(TextExplainer::cleanReplyLine).toList();
            candidates.add(new Candidate(ServerReply.parse(cleaned), phaseNear(window), oneLine(String.join(" / ", cleaned)), 2, kind));
            i = j - 1;
        }
    }

    private static String cleanReplyLine(String line) {
        String s = line;
        int inReply = s.toLowerCase(Locale.ROOT).indexOf("(in reply to");
        if (inReply > 0) {
            s = s.substring(0, inReply);
        }
        return s.replaceAll("['\"’»]+\\s*$", "").strip();
    }

    private static SmtpPhase phaseNear(String text) {
        String t = (text.length() > 4 * MAX_LINE ? text.substring(0, 4 * MAX_LINE) : text).toLowerCase(Locale.ROOT);
        if (t.contains("rcpt to")) {
            return SmtpPhase.RCPT;
        }
        if (t.contains("mail from")) {
            return SmtpPhase.MAIL;
        }
        if (t.contains("end of data") || t.contains("after data") || t.contains("in reply to data")) {
            return SmtpPhase.DATA;
        }
        if (t.contains("after auth") || t.contains("in reply to auth")) {
            return SmtpPhase.AUTH;
        }
        return SmtpPhase.UNKNOWN;
    }

    /// A reply from a one-line value: "550 5.7.1 text", "5.7.1 text" (Thunderbird drops the basic code) or "text".
    static ServerReply replyOf(String value) {
        String v = value.strip();
        ServerReply parsed = ServerReply.parse(List.of(v));
        if (parsed.code() == 0) {
            Matcher e = ENHANCED.matcher(v);
            if (e.find()) {
                return new ServerReply(0, e.group(1), List.of(v));
            }
        }
        return parsed;
    }

    // ---- facts -----------------------------------------------------------------------------------------------

    /// Looks for addresses only around each '@', so a long text without addresses costs one scan.
    private static void collectAddresses(String body, Facts facts) {
        int limit = Math.min(body.length(), 64 * 1024);
        for (int at = body.indexOf('@'); at >= 0 && at < limit && facts.addresses.size() < 20; at = body.indexOf('@', at + 1)) {
            int start = at;
            while (start > 0 && at - start < 64 && isLocalChar(body.charAt(start - 1))) {
                start--;
            }
            Matcher m = ADDRESS.matcher(body).region(start, Math.min(body.length(), at + 520));
            if (start < at && m.lookingAt()) {
                facts.addresses.add(m.group().replaceAll("[.-]+$", "").toLowerCase(Locale.ROOT));
            }
        }
        if (facts.sender.isEmpty() && facts.account.filter(a -> a.contains("@")).isPresent()) {
            facts.sender = facts.account.map(String::strip);
        }
    }

    private static boolean isLocalChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "._%+-".indexOf(c) >= 0);
    }

    /// Collects facts while reading; built into an {@link ExtractedFacts} at the end.
    private static final class Facts {
        Optional<String> outgoingServer = Optional.empty();
        OptionalInt port = OptionalInt.empty();
        Optional<Boolean> ssl = Optional.empty();
        Optional<String> account = Optional.empty();
        Optional<String> sender = Optional.empty();
        Optional<String> recipient = Optional.empty();
        Optional<String> reportingMta = Optional.empty();
        Optional<String> remoteMta = Optional.empty();
        final Set<String> addresses = new LinkedHashSet<>();
        boolean dialog;
        boolean delivered;

        ExtractedFacts build() {
            return new ExtractedFacts(outgoingServer, port, ssl, account, sender, recipient, List.copyOf(addresses),
                    reportingMta, remoteMta);
        }
    }

    private static Optional<String> firstMatch(Pattern p, String text) {
        Matcher m = p.matcher(text.length() > 64 * 1024 ? text.substring(0, 64 * 1024) : text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    private static Optional<String> firstGroup(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static int indexOfAny(String text, String... needles) {
        String lower = text.toLowerCase(Locale.ROOT);
        int best = -1;
        for (String n : needles) {
            int i = lower.indexOf(n);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    private static String lineAround(String text, int at) {
        int start = text.lastIndexOf('\n', at) + 1;
        int end = text.indexOf('\n', at);
        return oneLine(text.substring(start, end < 0 ? text.length() : end));
    }

    private static String oneLine(String s) {
        String cut = s.length() > 4 * MAX_LINE ? s.substring(0, 4 * MAX_LINE) : s;
        String one = cut.replaceAll("\\s{1,1000}", " ").strip();
        return one.length() > 500 ? one.substring(0, 500) + "…" : one;
    }
}
