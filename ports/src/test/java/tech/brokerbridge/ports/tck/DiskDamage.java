package tech.brokerbridge.ports.tck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Arrays;

/** Damage done to a journal's file the way a failing disk or a stray write would do it, for recovery tests. */
public final class DiskDamage {
    private static final int PAGE = 4096;

    private DiskDamage() {
    }

    /** Overwrites three 4 KiB pages in the middle of {@code file} with junk; the file must have more than eight. */
    public static void overwriteMiddlePages(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long pages = f.length() / PAGE;
            assertTrue(pages > 8, "the file is large enough to have middle pages: " + pages);
            byte[] junk = new byte[PAGE * 3];
            Arrays.fill(junk, (byte) 0x5A);
            f.seek(PAGE * (pages / 2));
            f.write(junk);
        }
    }
}
