package depeche.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import depeche.hub.ByteSize;
import depeche.memory.MemoryException;
import depeche.memory.MemoryStats;
import depeche.memory.MemoryStore;
import depeche.memory.MemoryUse;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code depeche memory stats}: what the memory holds and what the last run got from it. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = "Counts the translation memory's machine and reviewed translations, gives the file's size and "
                + "what the last run that used it got from it (hits, misses, reviewed reuses, hit rate).")
final class MemoryStatsCommand implements Callable<Integer> {
    @Mixin
    MemoryFileOption memory;

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MemoryStats stats;
        try (MemoryStore store = MemoryStore.openExisting(memory.file)) {
            stats = store.stats();
        } catch (MemoryException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(asJson(stats)));
        } else {
            out.printf("memory:    %s (%s)%n", memory.file, ByteSize.format(stats.fileBytes()));
            out.printf("machine:   %d translations (%d model context%s)%n", stats.machine(), stats.contexts(),
                    stats.contexts() == 1 ? "" : "s");
            out.printf("reviewed:  %d translations%n", stats.reviewed());
            out.println("last run:  " + stats.lastRun().map(MemoryStatsCommand::describe).orElse("none yet"));
        }
        out.flush();
        return Main.EXIT_OK;
    }

    private static String describe(MemoryStats.RunRecord run) {
        MemoryUse use = run.use();
        return String.format(Locale.ROOT, "%s at %s: %d sentences, %d hits, %d misses, %d reviewed (hit rate %.1f %%)",
                run.command(), run.started().truncatedTo(ChronoUnit.SECONDS), use.sentences(), use.hits(),
                use.misses(), use.reviewed(), 100 * use.hitRate());
    }

    private ObjectNode asJson(MemoryStats stats) {
        ObjectNode root = new ObjectMapper().createObjectNode().put("file", memory.file.toString())
                .put("bytes", stats.fileBytes()).put("machine", stats.machine()).put("reviewed", stats.reviewed())
                .put("contexts", stats.contexts());
        stats.lastRun().ifPresentOrElse(run -> {
            MemoryUse use = run.use();
            root.putObject("last_run").put("command", run.command()).put("started", run.started().toString())
                    .put("finished", run.finished().toString()).put("hits", use.hits()).put("misses", use.misses())
                    .put("reviewed", use.reviewed()).put("hit_rate", use.hitRate());
        }, () -> root.putNull("last_run"));
        return root;
    }
}
