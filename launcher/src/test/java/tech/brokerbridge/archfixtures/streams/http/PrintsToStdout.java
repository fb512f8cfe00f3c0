package tech.brokerbridge.archfixtures.streams.http;

/** Planted violation: writing to standard output. */
public class PrintsToStdout {
    void print() {
        System.out.println("hello");
    }
}
