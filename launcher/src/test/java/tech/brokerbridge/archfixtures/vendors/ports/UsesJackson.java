package tech.brokerbridge.archfixtures.vendors.ports;

/** Planted violation: Jackson in ports (it is allowed in the adapters and the launcher only). */
public class UsesJackson {
    com.fasterxml.jackson.databind.JsonNode jackson;
}
