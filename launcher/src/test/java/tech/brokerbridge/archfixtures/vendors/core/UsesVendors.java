package tech.brokerbridge.archfixtures.vendors.core;

/** Planted violations: every vendor library used outside its own adapter. */
public class UsesVendors {
    io.netty.buffer.ByteBuf netty;
    com.fasterxml.jackson.databind.ObjectMapper jackson;
    com.stripe.StripeClient stripe;
    com.github.javakeyring.Keyring keyring;
    org.bouncycastle.crypto.digests.SHA256Digest bouncyCastle;
    org.sqlite.SQLiteConfig sqlite;
    org.ta4j.core.BarSeries ta4j;
    jakarta.mail.Session mail;
    org.eclipse.angus.mail.smtp.SMTPTransport angus;
}
