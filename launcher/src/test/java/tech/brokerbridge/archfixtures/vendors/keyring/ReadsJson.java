package tech.brokerbridge.archfixtures.vendors.keyring;

/** Not a violation: an adapter may use Jackson. */
public class ReadsJson {
    com.fasterxml.jackson.databind.ObjectMapper jackson;
}
