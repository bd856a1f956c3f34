package io.patronage.enrollment.notifying;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailerTest {

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @BeforeEach
    void startSmtpServer() {
        smtp.start();
        smtp.setUser("loyalty@chain.example", "loyalty", "s3cret");
    }

    @AfterEach
    void stopSmtpServer() {
        smtp.stop();
    }

    @Test
    void sendsThroughTheConfiguredSmtpServerWithLogin(@TempDir Path mailbox) throws Exception {
        Mailer mailer = new Mailer("127.0.0.1", smtp.getSmtp().getPort(), "loyalty", "s3cret", "loyalty@chain.example",
                mailbox.toString());

        mailer.send("m-1", "n-1", "zahra@example.ir", "زهرا کاظمی", "باشگاه مشتریان", "شماره کارت شما 9000000000000001 است.");

        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage message = received[0];
        assertEquals("باشگاه مشتریان", message.getSubject());
        InternetAddress to = (InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0];
        assertEquals("zahra@example.ir", to.getAddress());
        assertEquals("زهرا کاظمی", to.getPersonal());
        assertEquals("loyalty@chain.example", ((InternetAddress) message.getFrom()[0]).getAddress());
        assertTrue(message.getContent().toString().contains("9000000000000001"));
        assertEquals("n-1", message.getHeader("X-Patronage-Notification-Id")[0]);
        try (var files = Files.list(mailbox)) {
            assertFalse(files.findAny().isPresent(), "with an SMTP host nothing goes to the mailbox directory");
        }
    }

    @Test
    void withoutAnSmtpHostWritesAnEmlFileThatMailProgramsOpen(@TempDir Path mailbox) throws Exception {
        Mailer mailer = new Mailer("", 587, "", "", "loyalty@patronage.local", mailbox.resolve("new").toString());

        mailer.send("m-2", "n/2", "aino@example.fi", "Aino Mäkelä", "Tervetuloa", "Korttisi numero on 9000000000000001.");

        Path eml = mailbox.resolve("new").resolve("m-2").resolve("n_2.eml");
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage message = new MimeMessage(null, in);
            assertEquals("Tervetuloa", message.getSubject());
            assertEquals("Aino Mäkelä", ((InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal());
            assertTrue(message.getContent().toString().contains("9000000000000001"));
        }
        assertEquals(0, smtp.getReceivedMessages().length);
        try (var files = Files.list(mailbox.resolve("new").resolve("m-2"))) {
            assertEquals(1, files.count(), "no partial files left behind");
        }
    }

    @Test
    void deletesTheMessagesOfOneMemberAndNoOthers(@TempDir Path mailbox) throws Exception {
        Mailer mailer = new Mailer("", 587, "", "", "loyalty@patronage.local", mailbox.toString());
        mailer.send("m-erased", "welcome-1", "aino@example.fi", "Aino Mäkelä", "Tervetuloa", "Kortti 9000000000000001.");
        mailer.send("m-erased", "coupon-1", "aino@example.fi", "Aino Mäkelä", "Kuponki", "Koodi C-1.");
        mailer.send("m-kept", "welcome-2", "ana@example.ro", "Ana Pop", "Bun venit", "Card 9000000000000002.");
        // a mailbox of an earlier version: one flat file per message
        Files.copy(mailbox.resolve("m-erased").resolve("welcome-1.eml"), mailbox.resolve("legacy-welcome.eml"));
        Files.copy(mailbox.resolve("m-kept").resolve("welcome-2.eml"), mailbox.resolve("legacy-other.eml"));

        mailer.deleteMessagesOf("m-erased", "Aino@Example.fi");
        mailer.deleteMessagesOf("m-erased", null);

        try (var files = Files.walk(mailbox)) {
            assertEquals(List.of("legacy-other.eml", "m-kept", "welcome-2.eml"), files.filter(f -> !f.equals(mailbox))
                    .map(f -> f.getFileName().toString()).sorted().toList());
        }
    }
}
