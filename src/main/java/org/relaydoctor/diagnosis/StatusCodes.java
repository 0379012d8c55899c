package org.relaydoctor.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relaydoctor.probe.ServerReply;

/// The standard meanings of a reply's codes: the enhanced status code by class, subject and detail
/// (RFC 3463 and the RFC 5248 registry) and the basic reply code (RFC 5321), in the bundle `replycodes`.
/// Every reply gets these, including one no knowledge entry explains.
public final class StatusCodes {
    private static final Pattern ENHANCED = Pattern.compile("([245])\\.(\\d{1,3})\\.(\\d{1,3})");

    private final Messages texts;

    public StatusCodes(Locale locale) {
        this.texts = Messages.load("replycodes", locale);
    }

    /// One line per code the reply carries, enhanced first; empty when it carries none.
    public List<String> describe(ServerReply reply) {
        List<String> out = new ArrayList<>();
        reply.enhanced().ifPresent(e -> out.add(describeEnhanced(e)));
        if (reply.code() != 0) {
            String key = "basic." + reply.code();
            if (texts.has(key)) {
                out.add(texts.get("basic.line", Integer.toString(reply.code()), texts.get(key)));
            }
        }
        return out;
    }

    /// The meaning of an enhanced status code such as "5.7.1"; unknown details still get class and subject.
    public String describeEnhanced(String code) {
        Matcher m = ENHANCED.matcher(code);
        if (!m.matches()) {
            return code;
        }
        String cls = texts.get("enhanced.class." + m.group(1));
        String subjectKey = "enhanced.subject." + m.group(2);
        String subject = texts.has(subjectKey) ? texts.get(subjectKey) : texts.get("enhanced.subject.0");
        String detailKey = "enhanced.detail." + m.group(2) + "." + m.group(3);
        return texts.has(detailKey)
                ? texts.get("enhanced.line", code, cls, subject, texts.get(detailKey))
                : texts.get("enhanced.lineNoDetail", code, cls, subject);
    }
}
