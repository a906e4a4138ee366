package depeche.memory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The memory file's tables, versioned with SQLite's {@code user_version}: each migration takes the schema one
 * version up, inside a write transaction, so that two processes opening a new or old file at once migrate it
 * once. The file is marked with depeche's {@code application_id}, so that {@code --memory} pointed at some other
 * SQLite database is refused instead of changed.
 */
final class Schema {
    /** "dpch": marks an SQLite file as a depeche translation memory. */
    static final int APPLICATION_ID = 0x64706368;

    /** Migration {@code i} takes the schema from version {@code i} to {@code i + 1}. */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            // The settings a machine translation was made under, by id (MemoryContext.id()).
            """
            CREATE TABLE contexts (
                id             TEXT PRIMARY KEY,
                model_name     TEXT NOT NULL,
                model_type     TEXT NOT NULL,
                weights_sha256 TEXT NOT NULL,
                settings       TEXT NOT NULL,
                created        TEXT NOT NULL
            ) WITHOUT ROWID""",
            // One row per source sentence and context; a reviewer's translation has the empty context, so it
            // serves every model and setting. Lookups are by source, the first column of the key.
            """
            CREATE TABLE sentences (
                source     TEXT NOT NULL,
                context    TEXT NOT NULL,
                origin     TEXT NOT NULL CHECK (origin IN ('machine', 'reviewed')),
                target     TEXT NOT NULL,
                ids        TEXT NOT NULL,
                confidence REAL,
                warnings   TEXT NOT NULL,
                flags      TEXT NOT NULL,
                note       TEXT,
                created    TEXT NOT NULL,
                updated    TEXT NOT NULL,
                PRIMARY KEY (source, context),
                CHECK ((origin = 'reviewed') = (context = ''))
            ) WITHOUT ROWID""",
            // What each run that used the memory got from it (memory stats shows the last).
            """
            CREATE TABLE runs (
                id       INTEGER PRIMARY KEY,
                command  TEXT NOT NULL,
                started  TEXT NOT NULL,
                finished TEXT NOT NULL,
                hits     INTEGER NOT NULL,
                misses   INTEGER NOT NULL,
                reviewed INTEGER NOT NULL
            )"""));

    /** The schema version this depeche writes. */
    static final int VERSION = MIGRATIONS.size();

    private Schema() {
    }

    /**
     * Brings the file's schema to {@link #VERSION}.
     *
     * @throws MemoryException when the file is another application's database or from a newer depeche
     * @throws SQLException    when SQLite fails (locked, damaged, read-only)
     */
    static void migrate(Connection connection, Path file) throws SQLException {
        if (check(connection, file) == VERSION) {
            return;
        }
        Transactions.write(connection, () -> {
            int version = check(connection, file); // again, under the write lock: another process may have done it
            try (Statement sql = connection.createStatement()) {
                for (int v = version; v < VERSION; v++) {
                    for (String statement : MIGRATIONS.get(v)) {
                        sql.execute(statement);
                    }
                }
                sql.execute("PRAGMA application_id = " + APPLICATION_ID);
                sql.execute("PRAGMA user_version = " + VERSION);
            }
        });
    }

    /** The file's schema version, after making sure it is a depeche memory (or a new, empty database). */
    private static int check(Connection connection, Path file) throws SQLException {
        int application = pragma(connection, "application_id");
        int version = pragma(connection, "user_version");
        if (application != APPLICATION_ID && (application != 0 || hasTables(connection))) {
            throw new MemoryException(file, "is an SQLite database but not a depeche translation memory");
        }
        if (version > VERSION) {
            throw new MemoryException(file, "was made by a newer depeche (memory schema " + version
                    + "; this depeche reads up to " + VERSION + ")");
        }
        return version;
    }

    private static boolean hasTables(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT count(*) FROM sqlite_master")) {
            return rows.next() && rows.getInt(1) > 0;
        }
    }

    private static int pragma(Connection connection, String name) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery("PRAGMA " + name)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
