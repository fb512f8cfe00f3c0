package tech.brokerbridge.launcher.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.sqlite.SqliteConfig;
import tech.brokerbridge.sqlite.SqliteJournalFactory;

/**
 * The journal's backups in {@code <data directory>/backups}, one SQLite file each, named
 * {@code brokerbridge-<UTC time>-<kind>.db}. Automatic ones (daily, before a migration) are rotated:
 * the newest {@link BackupPolicy#keep()} are kept. Those made with {@code brokerbridge backup}, and
 * journals set aside by a restore, are the user's and are never deleted.
 */
public final class JournalBackups {
    public static final String DIRECTORY = "backups";
    private static final Logger LOG = LoggerFactory.getLogger(JournalBackups.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile(
            "brokerbridge-(\\d{8}T\\d{6}Z)-(daily|pre-migration|manual|replaced)(?:-\\d+)?\\.db");

    /** What made a backup. */
    public enum Kind {
        DAILY("daily", true), PRE_MIGRATION("pre-migration", true), MANUAL("manual", false),
        /** A journal a restore replaced: kept as it was, never a restore candidate by itself. */
        REPLACED("replaced", false);

        private final String tag;
        private final boolean automatic;

        Kind(String tag, boolean automatic) {
            this.tag = tag;
            this.automatic = automatic;
        }

        static Kind of(String tag) {
            for (Kind k : values()) {
                if (k.tag.equals(tag)) {
                    return k;
                }
            }
            throw new IllegalArgumentException(tag);
        }
    }

    /** One backup file, when it was made and why. */
    public record Backup(Path file, Instant at, Kind kind) {
    }

    private final Path home;
    private final BackupPolicy policy;
    private final Clock clock;

    public JournalBackups(Path home, BackupPolicy policy, Clock clock) {
        this.home = home;
        this.policy = policy;
        this.clock = clock;
    }

    public Path directory() {
        return home.resolve(DIRECTORY);
    }

    public Path journal() {
        return home.resolve(SqliteConfig.FILE_NAME);
    }

    /**
     * Backs the journal up now (online: the desk may be running) and, for an automatic backup,
     * deletes the automatic ones beyond {@link BackupPolicy#keep()}.
     *
     * @return the new backup file
     * @throws tech.brokerbridge.ports.journal.JournalException when the journal cannot be copied or the copy is damaged
     */
    public synchronized Path make(Kind kind) {
        Path target = newFile(kind);
        SqliteJournalFactory.backup(journal(), target);
        LOG.info("journal backed up to {}", target);
        if (kind.automatic) {
            rotate();
        }
        return target;
    }

    /** A new, unused file name in the backup directory for {@code kind} (the directory is created 0700). */
    public Path newFile(Kind kind) {
        PrivateFiles.createDirectory(directory());
        String base = "brokerbridge-" + STAMP.format(clock.instant()) + "-" + kind.tag;
        Path target = directory().resolve(base + ".db");
        for (int n = 2; Files.exists(target); n++) {
            target = directory().resolve(base + "-" + n + ".db");
        }
        return target;
    }

    /** Every backup, newest first. */
    public List<Backup> list() {
        if (!Files.isDirectory(directory())) {
            return List.of();
        }
        List<Backup> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory(), "brokerbridge-*.db")) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches()) {
                    try {
                        out.add(new Backup(f, STAMP.parse(m.group(1), Instant::from), Kind.of(m.group(2))));
                    } catch (DateTimeParseException e) {
                        LOG.debug("not a backup name: {}", f);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory() + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(Backup::at).thenComparing(b -> b.file().getFileName().toString()).reversed());
        return out;
    }

    /** The newest backup that a restore may use (not a replaced journal). */
    public Optional<Backup> newest() {
        return list().stream().filter(b -> b.kind() != Kind.REPLACED).findFirst();
    }

    /** True when there is no automatic backup younger than the policy's interval. */
    public boolean due() {
        Instant limit = clock.instant().minus(policy.interval());
        return list().stream().filter(b -> b.kind().automatic).noneMatch(b -> b.at().isAfter(limit));
    }

    /** How to get a journal back, for messages: the command with the newest backup, or that there is none. */
    public String howToRestore() {
        return newest().map(b -> "restore the newest backup with `brokerbridge restore " + b.file() + "`")
                .orElse("there is no backup in " + directory());
    }

    private void rotate() {
        List<Backup> automatic = list().stream().filter(b -> b.kind().automatic).toList();
        for (Backup old : automatic.subList(Math.min(policy.keep(), automatic.size()), automatic.size())) {
            try {
                Files.deleteIfExists(old.file());
                LOG.info("old journal backup deleted (keeping {}): {}", policy.keep(), old.file());
            } catch (IOException e) {
                LOG.warn("cannot delete the old journal backup {}: {}", old.file(), e.getMessage());
            }
        }
    }
}
