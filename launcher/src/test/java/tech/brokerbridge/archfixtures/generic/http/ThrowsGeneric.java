package tech.brokerbridge.archfixtures.generic.http;

/** Planted violation: a generic exception. */
public class ThrowsGeneric {
    void fail() {
        throw new RuntimeException("generic");
    }
}
