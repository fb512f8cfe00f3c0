package tech.brokerbridge.ibkr.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
    private static List<byte[]> frames(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            FieldWriter w = new FieldWriter().add(3).add(i).add("Submitted").add("x".repeat(i % 300));
            out.add(w.toFrame());
        }
        return out;
    }

    private static byte[] concat(List<byte[]> frames) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        frames.forEach(b::writeBytes);
        return b.toByteArray();
    }

    private static void assertPayloads(List<byte[]> frames, List<byte[]> got) {
        assertEquals(frames.size(), got.size());
        for (int i = 0; i < frames.size(); i++) {
            byte[] f = frames.get(i);
            byte[] expected = java.util.Arrays.copyOfRange(f, 4, f.length);
            assertArrayEquals(expected, got.get(i), "frame " + i);
        }
    }

    /**
     * Feeds {@code count} frames' bytes to a new decoder in reads of the sizes {@code readSize} gives
     * (the last read cut to what is left), checks that every payload came out whole and in order, and
     * returns the decoder.
     */
    private static FrameDecoder decodeInReads(int count, IntSupplier readSize) {
        List<byte[]> frames = frames(count);
        byte[] all = concat(frames);
        List<byte[]> got = new ArrayList<>();
        FrameDecoder d = new FrameDecoder();
        int pos = 0;
        while (pos < all.length) {
            int n = Math.min(all.length - pos, readSize.getAsInt());
            d.feed(all, pos, n, got::add);
            pos += n;
        }
        assertPayloads(frames, got);
        return d;
    }

    @Test
    void manyFramesInOneRead() {
        assertEquals(0, decodeInReads(500, () -> Integer.MAX_VALUE).buffered());
    }

    @Test
    void aFrameSplitAcrossReadsOneByteAtATime() {
        decodeInReads(20, () -> 1);
    }

    @Test
    void randomChunkingDecodesTheSameFrames() {
        Random rnd = new Random(42);
        decodeInReads(300, () -> 1 + rnd.nextInt(700));
    }

    @Test
    void aPartialFrameWaitsForItsRest() {
        byte[] f = new FieldWriter().add(9).add(1).add(77).toFrame();
        List<byte[]> got = new ArrayList<>();
        FrameDecoder d = new FrameDecoder();
        d.feed(f, 0, 3, got::add);
        assertEquals(0, got.size());
        d.feed(f, 3, f.length - 4, got::add);
        assertEquals(0, got.size());
        d.feed(f, f.length - 1, 1, got::add);
        assertEquals(1, got.size());
    }

    @Test
    void aLargeFrameGrowsTheBuffer() {
        String big = "y".repeat(100_000);
        byte[] f = new FieldWriter().add(4).add(big).toFrame();
        List<byte[]> got = new ArrayList<>();
        new FrameDecoder().feed(f, 0, f.length, got::add);
        FieldReader r = new FieldReader(got.get(0));
        assertEquals(4, r.readInt());
        assertEquals(big, r.readString());
    }

    @Test
    void anOversizedLengthIsAProtocolError() {
        byte[] bad = {0x01, 0x00, 0x00, 0x00, 0};
        assertThrows(ProtocolException.class, () -> new FrameDecoder().feed(bad, 0, bad.length, p -> { }));
    }
}
