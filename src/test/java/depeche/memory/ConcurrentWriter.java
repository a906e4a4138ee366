package depeche.memory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A process writing to a memory file one sentence per transaction, as a concurrent run would (for a test). */
public final class ConcurrentWriter {
    private ConcurrentWriter() {
    }

    /** Arguments: the memory file, a name for this writer's sentences, how many to write. */
    public static void main(String[] args) {
        int count = Integer.parseInt(args[2]);
        try (MemoryStore store = MemoryStore.open(Path.of(args[0]))) {
            for (int i = 0; i < count; i++) {
                String source = "Phrase " + i + " de " + args[1] + ".";
                store.remember(MemoryStoreTest.GREEDY, List.of(MemoryStoreTest.machine(source, "Sentence " + i, i)));
                store.recall(MemoryStoreTest.GREEDY, List.of(source));
            }
            store.recordRun(args[1], Instant.now(), new MemoryUse(0, count, 0));
        }
    }
}
