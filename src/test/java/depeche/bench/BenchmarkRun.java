package depeche.bench;

import ai.djl.ndarray.NDManager;
import java.util.Locale;

/**
 * One benchmark process: loads the opus-mt-shaped model, warms up, then either times one pass of the workload at
 * {@code PER_CALL} sentences per call and prints a {@code RESULT} line with the process's peak RSS (for
 * {@link GenerationBenchmark}), or soaks: runs {@code PASSES} passes and prints memory after each, which must stay
 * flat (resident set, live arrays, Java heap).
 *
 * <p>Usage: {@code BenchmarkRun MODEL_DIR PER_CALL [soak PASSES]}
 */
public final class BenchmarkRun {
    private BenchmarkRun() {
    }

    public static void main(String[] args) throws Exception {
        int perCall = Integer.parseInt(args[1]);
        try (BenchSession session = new BenchSession(args[0])) {
            session.warmUp(perCall);
            if (args.length > 3 && args[2].equals("soak")) {
                soak(session, perCall, Integer.parseInt(args[3]));
            } else {
                long start = System.nanoTime();
                Workload.Pass pass = session.pass(perCall);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "RESULT per_call=%d seconds=%.3f target_tokens=%d generated_tokens=%d"
                                + " peak_rss_kb=%d%n", perCall, seconds, session.workload().targetTokens(),
                        pass.generatedTokens(), ProcessMemory.peakRssKb());
            }
        }
    }

    private static void soak(BenchSession session, int perCall, int passes) {
        System.out.printf("soak: %d passes of the workload, %d sentence(s) per call%n", passes, perCall);
        for (int i = 1; i <= passes; i++) {
            long start = System.nanoTime();
            session.pass(perCall);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.gc();
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "pass %3d: %5.1f s  rss %5d MB  peak rss %5d MB  live arrays %4d"
                            + "  java heap used %4d MB%n", i, seconds, ProcessMemory.rssKb() / 1024,
                    ProcessMemory.peakRssKb() / 1024, liveArrays(), (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }

    /** Every open array of the engine: the model's weights plus anything a generation failed to free. */
    private static int liveArrays() {
        try (NDManager probe = NDManager.newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }
}
