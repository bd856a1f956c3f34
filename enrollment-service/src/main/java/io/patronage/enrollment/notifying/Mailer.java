package io.patronage.enrollment.notifying;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Date;
import java.util.Properties;

/**
 * Sends email. With {@code patronage.mail.smtp.host} ({@code SMTP_HOST}) set, through that SMTP server
 * (STARTTLS when offered, login when a user name is set); without it — the embedded default — each
 * message is written as {@code <notificationId>.eml} into {@code patronage.mail.mailbox-dir}, a file any
 * mail program opens.
 */
@Singleton
public class Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final String from;
    private final Path mailbox;
    private final Session session;
    private final Session internationalSession;

    public Mailer(@Value("${patronage.mail.smtp.host:}") String host,
                  @Value("${patronage.mail.smtp.port:587}") int port,
                  @Value("${patronage.mail.smtp.username:}") String username,
                  @Value("${patronage.mail.smtp.password:}") String password,
                  @Value("${patronage.mail.from:loyalty@patronage.local}") String from,
                  @Value("${patronage.mail.mailbox-dir:./data/mailbox}") String mailboxDir) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.from = from;
        this.mailbox = Path.of(mailboxDir);
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.auth", Boolean.toString(!username.isBlank()));
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        this.session = Session.getInstance(properties);
        // Raw UTF-8 headers (RFC 6532) only for internationalized addresses, which need them and an SMTPUTF8
        // server; every other message encodes names and subjects per RFC 2047, which every reader understands.
        Properties international = new Properties();
        international.putAll(properties);
        international.put("mail.mime.allowutf8", "true");
        this.internationalSession = Session.getInstance(international);
        if (host.isBlank()) {
            LOG.info("No SMTP_HOST: email is written as .eml files to {}", mailbox.toAbsolutePath());
        }
    }

    public void send(String notificationId, String to, String toName, String subject, String body) {
        try {
            boolean ascii = to.chars().allMatch(c -> c < 128);
            MimeMessage message = new MimeMessage(ascii ? session : internationalSession);
            message.setFrom(new InternetAddress(from));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, toName, "UTF-8"));
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            message.setSentDate(new Date());
            message.setHeader("X-Patronage-Notification-Id", notificationId);
            message.saveChanges();
            if (host.isBlank()) {
                writeToMailbox(notificationId, message);
            } else if (username.isBlank()) {
                Transport.send(message);
            } else {
                Transport.send(message, username, password);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not send notification " + notificationId, e);
        }
    }

    /** Written to a temporary file and moved into place, so a reader never sees half a message. */
    private void writeToMailbox(String notificationId, MimeMessage message) throws IOException, MessagingException {
        Files.createDirectories(mailbox);
        String fileName = fileName(notificationId);
        Path partial = Files.createTempFile(mailbox, fileName, ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            message.writeTo(out);
        } catch (IOException | MessagingException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, mailbox.resolve(fileName), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    static String fileName(String notificationId) {
        return notificationId.replaceAll("[^A-Za-z0-9._-]", "_") + ".eml";
    }
}
