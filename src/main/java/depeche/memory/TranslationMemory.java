package depeche.memory;

import depeche.document.SentencePair;
import depeche.text.OneLine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The translation memory as a run uses it: never a reason to lose a sentence. The file is opened on first use
 * (after the run has taken its output folder); when it cannot be used, then or later (damaged, locked by
 * another process past the busy timeout, not writable), the run is told once, in one line, and goes on without
 * it: every sentence is then translated by the model. {@link #none()} is the memory of a run without one.
 */
public final class TranslationMemory implements AutoCloseable {
    private final Path file;
    private final String command;
    private final Duration busyTimeout;
    private final Consumer<String> warn;
    private final List<String> warnings = new ArrayList<>();
    private final Instant started = Instant.now();
    private MemoryStore store;
    private boolean failed;
    private MemoryUse use = MemoryUse.NONE;

    private TranslationMemory(Path file, String command, Duration busyTimeout, Consumer<String> warn) {
        this.file = file;
        this.command = command;
        this.busyTimeout = busyTimeout;
        this.warn = warn;
    }

    /** No memory: every sentence goes to the model. */
    public static TranslationMemory none() {
        return new TranslationMemory(null, "", Duration.ZERO, w -> { });
    }

    /**
     * The memory in {@code file}, opened when first used.
     *
     * @param command the command using it, recorded with the run's hits ({@code run}, {@code translate})
     * @param warn    told the one line saying why the memory is not used, when it cannot be
     */
    public static TranslationMemory at(Path file, String command, Consumer<String> warn) {
        return at(file, command, MemoryStore.DEFAULT_BUSY_TIMEOUT, warn);
    }

    /** As {@link #at(Path, String, Consumer)}, waiting at most {@code busyTimeout} for another process's lock. */
    public static TranslationMemory at(Path file, String command, Duration busyTimeout, Consumer<String> warn) {
        return new TranslationMemory(file, command, busyTimeout, warn);
    }

    /** Whether a memory file was asked for (it may still have failed: see {@link #warnings()}). */
    public boolean configured() {
        return file != null;
    }

    /** The memory file; empty without one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** What this memory has recalled and been told so far (its use in this run). */
    public synchronized MemoryUse use() {
        return use;
    }

    /** Why the memory was not used, when it was not: at most one line. */
    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The translations the memory holds for {@code sources} (see {@link MemoryStore#recall}); none when off. */
    public synchronized Map<String, SentencePair> recall(MemoryContext context, Collection<String> sources) {
        return store().map(s -> {
            try {
                return s.recall(context, sources);
            } catch (MemoryException e) {
                fail(e);
                return Map.<String, SentencePair>of();
            }
        }).orElse(Map.of());
    }

    /** Keeps the model's translations (see {@link MemoryStore#remember}); nothing when off. */
    public synchronized void remember(MemoryContext context, Collection<SentencePair> pairs) {
        store().ifPresent(s -> {
            try {
                s.remember(context, pairs);
            } catch (MemoryException e) {
                fail(e);
            }
        });
    }

    /** Adds sentences served to this run's count. */
    public synchronized void count(MemoryUse more) {
        use = use.plus(more);
    }

    /** Records the run's use of the memory (when it served any sentence) and closes the file. */
    @Override
    public synchronized void close() {
        if (store == null) {
            return;
        }
        try {
            if (!failed && use.sentences() > 0) {
                store.recordRun(command, started, use);
            }
        } catch (MemoryException e) {
            fail(e);
        } finally {
            try {
                store.close();
            } catch (MemoryException e) {
                fail(e);
            }
            store = null;
        }
    }

    private Optional<MemoryStore> store() {
        if (file == null || failed) {
            return Optional.empty();
        }
        if (store == null) {
            try {
                store = MemoryStore.open(file, busyTimeout);
            } catch (MemoryException e) {
                fail(e);
                return Optional.empty();
            }
        }
        return Optional.of(store);
    }

    private void fail(MemoryException e) {
        if (failed) {
            return;
        }
        failed = true;
        String line = "translation memory " + OneLine.of(e) + "; going on without it";
        warnings.add(line);
        warn.accept(line);
        if (store != null) {
            try {
                store.close();
            } catch (MemoryException ignored) {
                // already failed: the first reason is the one to report
            }
            store = null;
        }
    }
}
