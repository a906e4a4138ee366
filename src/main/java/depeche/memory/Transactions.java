package depeche.memory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Write transactions, begun {@code IMMEDIATE}: the write lock is taken first (waiting out another process's
 * write up to the busy timeout), so a transaction never fails half-way for a lock another process took after
 * it read. Written as plain statements on an auto-commit connection, so that nothing begins a transaction
 * that is not used.
 */
final class Transactions {
    /** Work on the connection that may fail with SQLite's error. */
    interface Work {
        void run() throws SQLException;
    }

    private Transactions() {
    }

    static void write(Connection connection, Work work) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("BEGIN IMMEDIATE");
            try {
                work.run();
                sql.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                try {
                    sql.execute("ROLLBACK");
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }
}
