package io.patronage.enrollment.notifying;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Date;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Sends email. With {@code patronage.mail.smtp.host} ({@code SMTP_HOST}) set, through that SMTP server
 * (STARTTLS when offered, login when a user name is set); without it — the embedded default — each
 * message is written as {@code <memberId>/<notificationId>.eml} into {@code patronage.mail.mailbox-dir}, a file
 * any mail program opens. One directory per member, named by member id, so an erasure deletes a member's
 * messages without the mailbox keeping an index of addresses.
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

    public void send(String memberId, String notificationId, String to, String toName, String subject, String body) {
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
                writeToMailbox(memberId, notificationId, message);
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
    private void writeToMailbox(String memberId, String notificationId, MimeMessage message)
            throws IOException, MessagingException {
        Path directory = mailbox.resolve(directoryName(memberId));
        Files.createDirectories(directory);
        String fileName = fileName(notificationId);
        Path partial = Files.createTempFile(directory, fileName, ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            message.writeTo(out);
        } catch (IOException | MessagingException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, directory.resolve(fileName), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Deletes every message written to the member's mailbox directory and, from mailboxes of earlier versions
     * (flat, one file per message), every message addressed to {@code email} ({@code null}: none known). Messages
     * already sent through SMTP are out of reach.
     */
    public void deleteMessagesOf(String memberId, String email) {
        try {
            Path directory = mailbox.resolve(directoryName(memberId));
            if (Files.isDirectory(directory)) {
                try (Stream<Path> files = Files.list(directory)) {
                    for (Path file : files.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
                Files.deleteIfExists(directory);
            }
            if (email != null && Files.isDirectory(mailbox)) {
                try (Stream<Path> files = Files.list(mailbox)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".eml") && Files.isRegularFile(f)).toList()) {
                        if (addressedTo(file, email)) {
                            Files.deleteIfExists(file);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the mailbox files of member " + memberId, e);
        }
    }

    private static boolean addressedTo(Path eml, String email) throws IOException {
        try (InputStream in = Files.newInputStream(eml)) {
            Address[] recipients = new MimeMessage(null, in).getRecipients(MimeMessage.RecipientType.TO);
            return recipients != null && Arrays.stream(recipients).anyMatch(address ->
                    address instanceof InternetAddress internet && email.equalsIgnoreCase(internet.getAddress()));
        } catch (MessagingException e) {
            return false;
        }
    }

    static String fileName(String notificationId) {
        return safeName(notificationId) + ".eml";
    }

    /** No dots: a directory name never climbs out of the mailbox. */
    private static String directoryName(String memberId) {
        return memberId.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static String safeName(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
