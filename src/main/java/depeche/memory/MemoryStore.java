package depeche.memory;

import depeche.document.Origin;
import depeche.document.SentencePair;
import depeche.text.FrenchNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The translation memory file: an SQLite database of sentence translations, machine ones keyed by their
 * {@link MemoryContext} and source sentence, reviewed ones by their source sentence alone.
 *
 * <p>Safe when several processes open the same file: the database is in WAL mode (readers never wait for a
 * writer), every write is one {@code BEGIN IMMEDIATE} transaction, and a process that finds the file locked
 * waits up to the busy timeout before it gives up with a {@link MemoryException}. One instance holds one
 * connection; its methods may be called from several threads, one at a time.
 */
public final class MemoryStore implements AutoCloseable {
    /** The file's name in the output folder when {@code run} is not given {@code --memory}. */
    public static final String DEFAULT_FILE_NAME = ".depeche-memory.sqlite";
    /** How long to wait for another process's write before giving up. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

    private static final String MACHINE = "machine";
    private static final String REVIEWED = "reviewed";
    private static final String UPSERT = """
            INSERT INTO sentences (source, context, origin, target, ids, confidence, warnings, flags, note, created,
                                   updated)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (source, context) DO UPDATE SET target = excluded.target, ids = excluded.ids,
                confidence = excluded.confidence, warnings = excluded.warnings, flags = excluded.flags,
                note = excluded.note, updated = excluded.updated""";

    private final Path file;
    private final Duration busyTimeout;
    private final Connection connection;

    private MemoryStore(Path file, Duration busyTimeout, Connection connection) {
        this.file = file;
        this.busyTimeout = busyTimeout;
        this.connection = connection;
    }

    /** Opens the memory file, creating it (and its folder) when absent. */
    public static MemoryStore open(Path file) {
        return open(file, DEFAULT_BUSY_TIMEOUT);
    }

    /**
     * Opens the memory file, creating it (and its folder) when absent, and brings its schema up to date.
     *
     * @throws MemoryException naming the file when it cannot be used
     */
    public static MemoryStore open(Path file, Duration busyTimeout) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new MemoryException(file, "cannot create its folder (" + e.getMessage() + ")", e);
        }
        if (Files.isDirectory(absolute)) {
            throw new MemoryException(file, "is a folder, not a memory file");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) busyTimeout.toMillis());
        Connection connection = null;
        try {
            connection = config.createConnection("jdbc:sqlite:" + absolute);
            try (Statement sql = connection.createStatement()) {
                sql.execute("PRAGMA journal_mode = WAL"); // persistent: once set, every later opening reads in WAL
                sql.execute("PRAGMA synchronous = NORMAL"); // durable at each checkpoint; never corrupt in WAL
            }
            Schema.migrate(connection, file);
            return new MemoryStore(file, busyTimeout, connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new MemoryException(file, problem(e, busyTimeout), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** Opens a memory file that must exist (for the commands that only read or add to one). */
    public static MemoryStore openExisting(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MemoryException(file, "no translation memory there (a run makes one in its output folder;"
                    + " --memory FILE names another)");
        }
        return open(file);
    }

    public Path file() {
        return file;
    }

    /**
     * The translations the memory holds for {@code sources}: a reviewed translation when there is one, else the
     * machine translation made in {@code context}. Sentences it lacks are absent from the map.
     */
    public synchronized Map<String, SentencePair> recall(MemoryContext context, Collection<String> sources) {
        Map<String, SentencePair> found = new LinkedHashMap<>();
        String contextId = context.id();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT target, ids, confidence, warnings, flags, origin FROM sentences
                WHERE source = ? AND context IN ('', ?) ORDER BY context = '' DESC LIMIT 1""")) {
            for (String source : sources) {
                query.setString(1, source);
                query.setString(2, contextId);
                try (ResultSet row = query.executeQuery()) {
                    if (row.next()) {
                        read(source, row).ifPresent(pair -> found.put(source, pair));
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Keeps the model's translations made in {@code context}, replacing what the memory held for them. */
    public synchronized void remember(MemoryContext context, Collection<SentencePair> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        String now = Instant.now().toString();
        String contextId = context.id();
        write(() -> {
            try (PreparedStatement known = connection.prepareStatement("""
                    INSERT INTO contexts (id, model_name, model_type, weights_sha256, settings, created)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")) {
                known.setString(1, contextId);
                known.setString(2, context.model().name());
                known.setString(3, context.model().type());
                known.setString(4, context.model().weightsSha256());
                known.setString(5, context.settingsJson());
                known.setString(6, now);
                known.executeUpdate();
            }
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (SentencePair pair : pairs) {
                    bind(upsert, pair.source(), contextId, MACHINE, pair.target(), PairColumns.ids(pair.ids()),
                            pair.confidence().isPresent() ? pair.confidence().getAsDouble() : null,
                            PairColumns.warnings(pair.warnings()), PairColumns.flags(pair.flags()), null, now);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    /**
     * Keeps reviewers' translations; each replaces the reviewed translation its source had.
     *
     * @return how many sources had no reviewed translation before
     */
    public synchronized int review(Collection<ReviewedTranslation> corrections) {
        String now = Instant.now().toString();
        int[] added = {0};
        write(() -> {
            try (PreparedStatement exists = connection.prepareStatement(
                    "SELECT 1 FROM sentences WHERE source = ? AND context = ''");
                 PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (ReviewedTranslation correction : corrections) {
                    exists.setString(1, correction.source());
                    try (ResultSet row = exists.executeQuery()) {
                        added[0] += row.next() ? 0 : 1;
                    }
                    bind(upsert, correction.source(), "", REVIEWED, correction.target(), "[]", null, "[]", "[]",
                            correction.note(), now);
                    upsert.executeUpdate();
                }
            }
        });
        return added[0];
    }

    /**
     * Forgets the reviewed translations of {@code sources} (a reviewer took the mark away): later runs use the
     * model's translation again. Machine translations are kept.
     *
     * @return how many reviewed translations were forgotten
     */
    public synchronized int unreview(Collection<String> sources) {
        int[] removed = {0};
        write(() -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM sentences WHERE source = ? AND context = ''")) {
                for (String source : sources) {
                    delete.setString(1, FrenchNormalizer.clean(source));
                    removed[0] += delete.executeUpdate();
                }
            }
        });
        return removed[0];
    }

    /** Records what a run got from the memory, for {@code memory stats}. */
    public synchronized void recordRun(String command, Instant started, MemoryUse use) {
        write(() -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO runs (command, started, finished, hits, misses, reviewed)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, command);
                insert.setString(2, started.toString());
                insert.setString(3, Instant.now().toString());
                insert.setInt(4, use.hits());
                insert.setInt(5, use.misses());
                insert.setInt(6, use.reviewed());
                insert.executeUpdate();
            }
        });
    }

    /** Counts by origin, the last run, and the file's size. */
    public synchronized MemoryStats stats() {
        try (Statement sql = connection.createStatement()) {
            long machine = count(sql, "SELECT count(*) FROM sentences WHERE origin = 'machine'");
            long reviewed = count(sql, "SELECT count(*) FROM sentences WHERE origin = 'reviewed'");
            long contexts = count(sql, "SELECT count(*) FROM contexts");
            Optional<MemoryStats.RunRecord> last = Optional.empty();
            try (ResultSet row = sql.executeQuery("""
                    SELECT command, started, finished, hits, misses, reviewed FROM runs ORDER BY id DESC LIMIT 1""")) {
                if (row.next()) {
                    last = Optional.of(new MemoryStats.RunRecord(row.getString(1), Instant.parse(row.getString(2)),
                            Instant.parse(row.getString(3)), new MemoryUse(row.getInt(4), row.getInt(5),
                            row.getInt(6))));
                }
            }
            return new MemoryStats(size(file) + size(Path.of(file + "-wal")), machine, reviewed, contexts, last);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Every entry, by source sentence; reviewed translations first for each source. */
    public synchronized void forEach(Consumer<StoredSentence> action) {
        try (Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("""
                     SELECT s.source, s.target, s.origin, c.model_name, c.weights_sha256, s.note, s.created, s.updated
                     FROM sentences s LEFT JOIN contexts c ON c.id = s.context
                     ORDER BY s.source, s.context""")) {
            while (row.next()) {
                boolean reviewed = REVIEWED.equals(row.getString(3));
                String modelName = row.getString(4);
                Optional<String> model = reviewed || modelName == null ? Optional.empty()
                        : Optional.of(modelName + " " + row.getString(5));
                action.accept(new StoredSentence(row.getString(1), row.getString(2),
                        reviewed ? Origin.REVIEWED : Origin.MACHINE, model,
                        Optional.ofNullable(row.getString(6)), Instant.parse(row.getString(7)),
                        Instant.parse(row.getString(8))));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static Optional<SentencePair> read(String source, ResultSet row) throws SQLException {
        double confidence = row.getDouble(3);
        Double maybe = row.wasNull() ? null : confidence;
        try {
            return Optional.of(PairColumns.pair(source, row.getString(1), row.getString(2), maybe, row.getString(4),
                    row.getString(5), REVIEWED.equals(row.getString(6)) ? Origin.REVIEWED : Origin.MACHINE));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty(); // translated again, and the row replaced
        }
    }

    private static void bind(PreparedStatement upsert, String source, String context, String origin, String target,
                             String ids, Double confidence, String warnings, String flags, String note, String now)
            throws SQLException {
        upsert.setString(1, source);
        upsert.setString(2, context);
        upsert.setString(3, origin);
        upsert.setString(4, target);
        upsert.setString(5, ids);
        upsert.setObject(6, confidence);
        upsert.setString(7, warnings);
        upsert.setString(8, flags);
        upsert.setString(9, note);
        upsert.setString(10, now);
        upsert.setString(11, now);
    }

    private void write(Transactions.Work work) {
        try {
            Transactions.write(connection, work);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private static long size(Path path) {
        try {
            return Files.isRegularFile(path) ? Files.size(path) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private MemoryException failure(SQLException e) {
        return new MemoryException(file, problem(e, busyTimeout), e);
    }

    /** SQLite's error as one line a person understands. */
    private static String problem(SQLException e, Duration busyTimeout) {
        SQLiteErrorCode code = e instanceof SQLiteException s ? s.getResultCode() : SQLiteErrorCode.UNKNOWN_ERROR;
        return switch (code) {
            case SQLITE_BUSY, SQLITE_LOCKED, SQLITE_BUSY_RECOVERY, SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_TIMEOUT,
                    SQLITE_LOCKED_SHAREDCACHE -> "is locked by another process (waited "
                    + busyTimeout.toMillis() / 1000.0 + " s)";
            case SQLITE_NOTADB -> "is not a translation memory (not an SQLite database, or damaged)";
            case SQLITE_CORRUPT, SQLITE_CORRUPT_VTAB, SQLITE_CORRUPT_INDEX, SQLITE_CORRUPT_SEQUENCE ->
                    "is damaged (the database disk image is malformed)";
            case SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM -> "cannot be opened for writing ("
                    + plain(e) + ")";
            default -> plain(e);
        };
    }

    /** SQLite's message without the "[SQLITE_X]" prefix the driver adds. */
    private static String plain(SQLException e) {
        String message = String.valueOf(e.getMessage()).replaceFirst("^\\[[A-Z_]+\\]\\s*", "");
        return message.replaceAll("\\s+", " ").strip();
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the failure that made us close it is the one to report
            }
        }
    }
}
