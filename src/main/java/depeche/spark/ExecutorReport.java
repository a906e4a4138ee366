package depeche.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a task tells the driver about the JVM it ran in, besides its articles: the run identity its processor
 * has (recorded in the run report), how many times that JVM loaded each model so far, and the threads PyTorch
 * gave the task.
 *
 * @param executor      the executor's id ({@code driver} in local mode)
 * @param identity      the processor's {@link depeche.pipeline.RunIdentity}, as JSON
 * @param modelWarnings what loading the models found to warn about
 * @param loads         times each model folder was loaded in the executor's JVM
 * @param threads       PyTorch's intra-op threads in the task's thread
 */
record ExecutorReport(String executor, String identity, List<String> modelWarnings, Map<String, Integer> loads,
                      int threads) implements Serializable {

    ExecutorReport {
        modelWarnings = List.copyOf(modelWarnings);
        loads = new TreeMap<>(loads);
    }
}
