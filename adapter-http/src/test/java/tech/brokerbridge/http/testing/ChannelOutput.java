package tech.brokerbridge.http.testing;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;

/** What an embedded channel wrote, as the bytes a client would read. */
public final class ChannelOutput {
    private ChannelOutput() {
    }

    /** Reads and releases every outbound buffer, as ISO-8859-1 text (HTTP/1.1's bytes one to one). */
    public static String drain(EmbeddedChannel ch) {
        StringBuilder sb = new StringBuilder();
        ByteBuf b;
        while ((b = ch.readOutbound()) != null) {
            sb.append(b.toString(StandardCharsets.ISO_8859_1));
            b.release();
        }
        return sb.toString();
    }
}
