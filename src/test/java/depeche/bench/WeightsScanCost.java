package depeche.bench;

import com.sun.management.OperatingSystemMXBean;
import depeche.model.ModelConfig;
import depeche.model.Seq2SeqModel;
import depeche.model.weights.Checkpoint;
import depeche.model.weights.Checkpoints;
import depeche.model.weights.FiniteWeights;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the NaN/Inf check of {@link FiniteWeights} adds to loading a model, on the opus-mt-fr-en shape (74.7 M
 * float32 values, 300 MB of safetensors, written by {@link ModelShape#OPUS_MT} on first use). Two figures, over
 * {@code bench.rounds} rounds (default 7), each round with a fresh checkpoint (so the file is mapped anew):
 * <ul>
 *   <li>the scan alone: it maps and reads all 300 MB;</li>
 *   <li>what it adds to building the network, paired round by round: open, scan, build against open, build, in
 *       alternating order. The build reads every tensor too, and the checkpoint maps its file once, so the
 *       scan's page faults are not paid twice: what is left is its arithmetic.</li>
 * </ul>
 * Wall times on a shared machine swing with its load, so the scan's CPU time (all threads of the process) is
 * printed too.
 * The file is in the page cache (just written or read), as when a model is loaded again; a first load after a
 * reboot reads the 300 MB from disk for the network anyway.
 *
 * <p>Run after {@code mvn test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt}:
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) depeche.bench.WeightsScanCost}.
 */
public final class WeightsScanCost {
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private WeightsScanCost() {
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(System.getProperty("bench.model", "target/bench-opus-mt")).toAbsolutePath();
        if (!Files.exists(model.resolve("model.safetensors"))) {
            ModelShape.OPUS_MT.createFolder(model);
        }
        int rounds = Integer.getInteger("bench.rounds", 7);
        ModelConfig config = ModelConfig.read(model.resolve("config.json"));
        double[] scan = new double[rounds];
        double[] scanCpu = new double[rounds];
        double[] added = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long cpu = PROCESS.getProcessCpuTime();
            scan[round] = millis(() -> {
                try (Checkpoint checkpoint = Checkpoints.open(model)) {
                    scanned(checkpoint);
                }
            });
            scanCpu[round] = (PROCESS.getProcessCpuTime() - cpu) / 1e6;
            Runnable withScan = () -> {
                try (Checkpoint checkpoint = Checkpoints.open(model)) {
                    scanned(checkpoint);
                    Seq2SeqModel.load(config, checkpoint).close();
                }
            };
            Runnable without = () -> {
                try (Checkpoint checkpoint = Checkpoints.open(model)) {
                    Seq2SeqModel.load(config, checkpoint).close();
                }
            };
            double a = round % 2 == 0 ? millis(withScan) : 0;
            double b = millis(without);
            a = round % 2 == 0 ? a : millis(withScan);
            added[round] = a - b;
        }
        System.out.printf(Locale.ROOT, "%s (%.1f MB), %d rounds%n", model.resolve("model.safetensors"),
                Files.size(model.resolve("model.safetensors")) / 1e6, rounds);
        System.out.println("  scan alone:          " + summary(scan));
        System.out.println("  its CPU time:        " + summary(scanCpu) + " (all threads; the machine's load"
                + " average was " + PROCESS.getSystemLoadAverage() + " on " + PROCESS.getAvailableProcessors()
                + " cores)");
        System.out.println("  added to the build:  " + summary(added));
    }

    private static void scanned(Checkpoint checkpoint) {
        if (FiniteWeights.firstDamage(checkpoint).isPresent()) {
            throw new IllegalStateException("random weights are finite");
        }
    }

    private static double millis(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static String summary(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "first %.1f ms, median %.1f ms, best %.1f ms; rounds %s", millis[0],
                sorted[millis.length / 2], sorted[0],
                Arrays.toString(Arrays.stream(millis).map(m -> Math.round(m * 10) / 10.0).toArray()));
    }
}
