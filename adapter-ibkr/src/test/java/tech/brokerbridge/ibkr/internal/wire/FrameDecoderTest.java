package tech.brokerbridge.ibkr.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

    @Test
    void manyFramesInOneRead() {
        List<byte[]> frames = frames(500);
        byte[] all = concat(frames);
        List<byte[]> got = new ArrayList<>();
        FrameDecoder d = new FrameDecoder();
        d.feed(all, 0, all.length, got::add);
        assertPayloads(frames, got);
        assertEquals(0, d.buffered());
    }

    @Test
    void aFrameSplitAcrossReadsOneByteAtATime() {
        List<byte[]> frames = frames(20);
        byte[] all = concat(frames);
        List<byte[]> got = new ArrayList<>();
        FrameDecoder d = new FrameDecoder();
        for (int i = 0; i < all.length; i++) {
            d.feed(all, i, 1, got::add);
        }
        assertPayloads(frames, got);
    }

    @Test
    void randomChunkingDecodesTheSameFrames() {
        List<byte[]> frames = frames(300);
        byte[] all = concat(frames);
        Random rnd = new Random(42);
        List<byte[]> got = new ArrayList<>();
        FrameDecoder d = new FrameDecoder();
        int pos = 0;
        while (pos < all.length) {
            int n = Math.min(all.length - pos, 1 + rnd.nextInt(700));
            d.feed(all, pos, n, got::add);
            pos += n;
        }
        assertPayloads(frames, got);
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
