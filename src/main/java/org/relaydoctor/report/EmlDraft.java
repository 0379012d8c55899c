package org.relaydoctor.report;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.Properties;

/// An unsent e-mail (`X-Unsent: 1`, which mail programs open as a draft) to the provider's support with the
/// report attached; To: is left empty when the support address is not known.
public final class EmlDraft {
    private EmlDraft() {
    }

    public static byte[] write(String from, Optional<String> to, String subject, String body, java.time.ZonedDateTime date,
            String attachmentName, String attachmentType, byte[] attachment) {
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties())) {
                @Override
                protected void updateMessageID() {
                    // a draft gets its Message-ID from the mail program that sends it
                }
            };
            m.setHeader("X-Unsent", "1");
            m.setFrom(new InternetAddress(from));
            if (to.isPresent()) {
                m.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to.get()));
            }
            m.setSubject(subject, "UTF-8");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, "UTF-8");
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(attachment, attachmentType)));
            file.setFileName(attachmentName);
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            m.setContent(new MimeMultipart(text, file));
            m.saveChanges();
            // in the report's zone, not the JVM's, so the draft is the same wherever it is written
            m.setHeader("Date", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(date));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot write the e-mail draft: " + e.getMessage(), e);
        }
    }
}
