package depeche.memory;

import java.time.Instant;
import java.util.Optional;

/**
 * What a memory file holds, for {@code memory stats}.
 *
 * @param fileBytes the database and its write-ahead log, in bytes
 * @param machine   machine translations (one per sentence and model context)
 * @param reviewed  reviewed translations (one per sentence)
 * @param contexts  model-and-settings combinations the machine translations were made under
 * @param lastRun   the last run that used the memory
 */
public record MemoryStats(long fileBytes, long machine, long reviewed, long contexts, Optional<RunRecord> lastRun) {

    /** One run's use of the memory. */
    public record RunRecord(String command, Instant started, Instant finished, MemoryUse use) {
    }
}
