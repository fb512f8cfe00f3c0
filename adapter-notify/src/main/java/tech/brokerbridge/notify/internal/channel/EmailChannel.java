package tech.brokerbridge.notify.internal.channel;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import tech.brokerbridge.notify.NotifyConfig;
import tech.brokerbridge.notify.internal.delivery.Attempt;
import tech.brokerbridge.notify.internal.delivery.NamedChannel;
import tech.brokerbridge.notify.internal.delivery.Delivery;
import tech.brokerbridge.notify.internal.delivery.Message;

/**
 * Email through the user's mail server with Jakarta Mail (Angus Mail): STARTTLS that the server must
 * offer (never a fallback to plain text) or TLS from the first byte, the server's certificate and host
 * name checked, login with the password saved as {@code smtp.password} when there is one. The message
 * names no local host or user: EHLO says {@code localhost} and the Message-ID is random.
 */
public final class EmailChannel extends NamedChannel {
    static final String PASSWORD = "smtp.password";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final NotifyConfig.Smtp smtp;
    private final VaultSecrets secrets;
    private final Duration timeout;
    private final Optional<SSLSocketFactory> trust;

    /** @throws IllegalArgumentException when the extra certificates cannot be read */
    public EmailChannel(NotifyConfig.Smtp smtp, VaultSecrets secrets, Duration timeout) {
        super("email", smtp.host(), () -> secrets.toMask(PASSWORD));
        this.smtp = smtp;
        this.secrets = secrets;
        this.timeout = timeout;
        this.trust = smtp.caFile().isEmpty() ? Optional.empty()
                : Optional.of(TrustedCertificates.withExtra(Path.of(smtp.caFile())));
    }

    @Override
    public Attempt send(Message m) {
        Optional<String> password = secrets.get(PASSWORD);
        Session session = Session.getInstance(properties(password.isPresent()));
        MimeMessage mail;
        String body;
        try {
            mail = compose(session, m);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            mail.writeTo(out);
            body = out.toString(StandardCharsets.UTF_8);
        } catch (MessagingException | IOException e) {
            return new Attempt(m.fullText(), new Delivery.Failed("the message could not be written: " + e.getMessage()));
        }
        try (Transport t = session.getTransport(protocol())) {
            t.connect(smtp.host(), smtp.port(), password.isPresent() ? smtp.login() : null, password.orElse(null));
            t.sendMessage(mail, mail.getAllRecipients());
            return new Attempt(body, new Delivery.Sent("250 accepted by " + smtp.host()));
        } catch (MessagingException e) {
            return new Attempt(body, judge(e));
        }
    }

    private MimeMessage compose(Session session, Message m) throws MessagingException {
        String id = "<" + HexFormat.of().formatHex(bytes())
                + "@brokerbridge.invalid>";
        MimeMessage mail = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);
            }
        };
        mail.setFrom(new InternetAddress(smtp.from()));
        for (String to : smtp.to()) {
            mail.addRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(to));
        }
        mail.setSubject("BrokerBridge: " + m.title(), "UTF-8");
        mail.setSentDate(Date.from(m.time()));
        mail.setText(m.text() + "\n", "UTF-8");
        mail.saveChanges();
        return mail;
    }

    private static byte[] bytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }

    private String protocol() {
        return smtp.security().equals("tls") ? "smtps" : "smtp";
    }

    private Properties properties(boolean auth) {
        String p = "mail." + protocol() + ".";
        Properties props = new Properties();
        props.put(p + "auth", Boolean.toString(auth));
        props.put(p + "connectiontimeout", Long.toString(timeout.toMillis()));
        props.put(p + "timeout", Long.toString(timeout.toMillis()));
        props.put(p + "writetimeout", Long.toString(timeout.toMillis()));
        props.put(p + "localhost", "localhost");
        props.put(p + "ssl.checkserveridentity", "true");
        if (smtp.security().equals("starttls")) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        } else {
            props.put(p + "ssl.enable", "true");
        }
        trust.ifPresent(f -> props.put(p + "ssl.socketFactory", f));
        return props;
    }

    /** 4xx and network trouble may pass later; a refused login, a 5xx, a TLS problem will not. */
    static Delivery judge(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return new Delivery.Failed("the mail server refused the login (check notifications.smtp.username and the"
                    + " saved smtp password)");
        }
        if (e instanceof SMTPSendFailedException s) {
            String detail = "SMTP " + s.getReturnCode();
            return s.getReturnCode() >= 400 && s.getReturnCode() < 500 ? new Delivery.Retry(Optional.empty(), detail)
                    : new Delivery.Failed(detail);
        }
        Throwable cause = e.getCause();
        String text = String.valueOf(e.getMessage());
        if (cause instanceof SSLException || text.contains("STARTTLS")) {
            return new Delivery.Failed("TLS: " + (text.contains("STARTTLS") ? "the server does not offer STARTTLS"
                    : "the server's certificate or host name is not trusted"));
        }
        if (cause instanceof IOException) {
            return new Delivery.Retry(Optional.empty(), "unreachable: " + cause.getClass().getSimpleName());
        }
        return new Delivery.Failed("refused: " + text);
    }
}
