package depeche.bench;

import java.util.List;

/**
 * One timed pass of a workload.
 *
 * @param batching        how it was split into calls
 * @param calls           how many {@code generate()} calls
 * @param seconds         wall time of the calls, warm-up excluded
 * @param targetTokens    the tokens the workload asks for: throughput is counted in these
 * @param generatedTokens the tokens generated, padding rows included (a call runs every row to its longest)
 * @param peakRssMb       the process's peak resident memory during the pass and its warm-up (loading excluded)
 * @param loadAverage     the machine's one-minute load average just before the pass
 * @param neighbours      CPU-bound processes running beside it
 * @param threads         the engine's threads at the end of the pass (by default they follow the machine's load)
 * @param used            CPU time and page faults of the calls (all threads), warm-up excluded
 * @param ids             per sentence, in workload order, the best hypothesis: start token first, eos last
 */
public record BenchRun(String batching, int calls, double seconds, int targetTokens, long generatedTokens,
                       double peakRssMb, double loadAverage, int neighbours, int threads, ProcessTimes used,
                       List<long[]> ids) {

    /** Target tokens per second. */
    public double targetTokensPerSecond() {
        return targetTokens / seconds;
    }
}
