package tech.brokerbridge.sqlite;

/**
 * What {@link SqliteJournalFactory#check(java.nio.file.Path)} found in a journal file. A check reads
 * only; it never creates, migrates or repairs the file.
 */
public sealed interface JournalCheck {
    /** There is no file. */
    record Missing() implements JournalCheck {
    }

    /**
     * The file holds no record: it is 0 bytes long, or it has at most a schema and no row.
     *
     * @param why which of the two, in words
     */
    record Empty(String why) implements JournalCheck {
    }

    /**
     * The file is not a usable database: not SQLite at all, or {@code PRAGMA quick_check} found damage.
     *
     * @param detail what SQLite reported (the first problems only), without any record's content
     */
    record Damaged(String detail) implements JournalCheck {
    }

    /**
     * The file passed {@code PRAGMA quick_check} and holds records.
     *
     * @param schemaVersion the schema version in the file (0 when it has no {@code schema_version} table)
     * @param latestVersion the newest schema version this build knows
     */
    record Sound(int schemaVersion, int latestVersion) implements JournalCheck {
        /** True when opening the file will apply at least one migration. */
        public boolean needsMigration() {
            return schemaVersion < latestVersion;
        }

        /** True when the file was written by a newer build, which refuses to open it. */
        public boolean newerThanThisBuild() {
            return schemaVersion > latestVersion;
        }
    }
}
