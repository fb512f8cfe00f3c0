package tech.brokerbridge.ports.notify;

import tech.brokerbridge.ports.Require;

/**
 * What a test message to one channel came to.
 *
 * @param delivered whether the channel accepted it
 * @param detail the status or why it failed, e.g. {@code HTTP 200}, {@code no webhook secret saved}
 */
public record ChannelTest(String channel, String destination, boolean delivered, String detail) {
    public ChannelTest {
        Require.nonNull("channel", channel, "destination", destination, "detail", detail);
    }
}
