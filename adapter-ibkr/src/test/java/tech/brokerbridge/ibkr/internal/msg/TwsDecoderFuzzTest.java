package tech.brokerbridge.ibkr.internal.msg;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import tech.brokerbridge.ibkr.internal.wire.FrameDecoder;
import tech.brokerbridge.ibkr.internal.wire.ProtocolException;
import tech.brokerbridge.ibkr.internal.wire.ServerVersions;

/**
 * Issue 14.12: any bytes from a gateway, through the TWS frame decoder and the message and field decoders.
 * A frame or a message is decoded or refused with {@link ProtocolException} (the connection then drops);
 * nothing else may escape. The regular test run replays the seeds in {@code TwsDecoderFuzzTestInputs/};
 * {@code bench/fuzz/run.sh} fuzzes.
 */
class TwsDecoderFuzzTest {
    /** Server versions the decoder branches on: an old gateway, the minimum supported, the newest offered. */
    private static final int[] VERSIONS = {100, 151, 157, ServerVersions.OFFER_MAX};

    /**
     * Byte 0 picks the server version, byte 1 where TCP splits the stream in two reads; the rest is the
     * stream.
     */
    @FuzzTest
    void anyStreamIsDecodedOrRefused(byte[] input) {
        if (input.length < 2) {
            return;
        }
        InboundDecoder messages = new InboundDecoder(VERSIONS[(input[0] & 0xFF) % VERSIONS.length]);
        FrameDecoder frames = new FrameDecoder();
        List<byte[]> payloads = new ArrayList<>();
        int split = Math.min(input.length - 2, input[1] & 0xFF);
        try {
            frames.feed(input, 2, split, payloads::add);
            frames.feed(input, 2 + split, input.length - 2 - split, payloads::add);
        } catch (ProtocolException refused) {
            // a frame length out of range: the connection drops
        }
        for (byte[] payload : payloads) {
            try {
                messages.decode(payload);
            } catch (ProtocolException refused) {
                // a malformed message: the connection drops
            }
        }
    }
}
