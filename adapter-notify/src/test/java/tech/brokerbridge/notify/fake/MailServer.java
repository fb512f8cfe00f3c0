package tech.brokerbridge.notify.fake;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real SMTP server (GreenMail) on 127.0.0.1: SMTPS (TLS from the first byte) with a certificate made
 * for this run by {@code keytool} for 127.0.0.1 (so the client checks the chain and the host name
 * against {@link #caFile()}), and plain SMTP without STARTTLS (which a client that requires STARTTLS
 * must refuse). One user with a password. The certificate is made once per JVM: GreenMail keeps the
 * first keystore it loaded.
 */
public final class MailServer implements AutoCloseable {
    private static Path caFileOfThisRun;
    private final GreenMail mail;
    private final Path caFile;

    /** Starts both servers. */
    public MailServer(String user, String password) {
        this.caFile = certificate();
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort()})
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(user, password));
        mail.start();
    }

    private static synchronized Path certificate() {
        if (caFileOfThisRun != null) {
            return caFileOfThisRun;
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("brokerbridge-mail-tls");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dir.toFile().deleteOnExit();
        Path caFile = dir.resolve("mail-ca.pem");
        Path keystore = dir.resolve("mail.p12");
        keytool("-genkeypair", "-alias", "mail", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
                "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "mail", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", caFile.toString());
        // GreenMail reads its TLS keystore from these properties when its servers start
        System.setProperty("greenmail.tls.keystore.file", keystore.toString());
        System.setProperty("greenmail.tls.keystore.password", "changeit");
        System.setProperty("greenmail.tls.key.password", "changeit");
        keystore.toFile().deleteOnExit();
        caFile.toFile().deleteOnExit();
        caFileOfThisRun = caFile;
        return caFile;
    }

    public int tlsPort() {
        return mail.getSmtps().getPort();
    }

    public int plainPort() {
        return mail.getSmtp().getPort();
    }

    /** The PEM certificate of the TLS server, to trust ({@code notifications.smtp.ca_file}). */
    public Path caFile() {
        return caFile;
    }

    /** Waits (bounded) for {@code count} messages in all. */
    public boolean await(int count, long seconds) {
        return mail.waitForIncomingEmail(TimeUnit.SECONDS.toMillis(seconds), count);
    }

    /** Every message received, as its raw text (headers and body). */
    public List<String> received() {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            try {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                m.writeTo(b);
                out.add(b.toString(StandardCharsets.UTF_8));
            } catch (IOException | MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static void keytool(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (args[0].equals("-exportcert") && !Files.exists(Path.of(args[args.length - 1]))) {
            throw new IllegalStateException("keytool wrote no certificate");
        }
    }

    @Override
    public void close() {
        mail.stop();
    }
}
