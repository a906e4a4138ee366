package depeche.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stage 6, report: {@code run-report.json}, accounting for every article the run met. */
final class ReportStage {
    private final RunIdentity identity;
    private final Path input;
    private final Path output;
    private final List<String> warnings;
    private final Optional<Path> memory;

    /**
     * @param warnings about the run as a whole
     * @param memory   the translation memory file; empty when the run had none
     */
    ReportStage(RunIdentity identity, Path input, Path output, List<String> warnings, Optional<Path> memory) {
        this.identity = identity;
        this.warnings = List.copyOf(warnings);
        this.memory = memory;
        this.input = input;
        this.output = output;
    }

    /** Writes the report of a run that started at {@code started} and returns it. */
    RunReport report(RunLedger ledger, Instant started) throws IOException {
        Instant finished = Instant.now();
        RunReport report = new RunReport(RunReport.FORMAT, identity.toolVersion(), started.toString(),
                finished.toString(), Duration.between(started, finished).toMillis() / 1000.0, input.toString(),
                output.toString(), identity.models(), identity.settings(), warnings, RunReport.Counts.of(ledger.reports()),
                memory.map(file -> RunReport.Memory.of(file.toString(), ledger.reports())).orElse(null),
                ledger.reports());
        report.write(output);
        return report;
    }
}
