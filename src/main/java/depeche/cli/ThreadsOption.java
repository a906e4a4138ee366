package depeche.cli;

import depeche.model.TorchRuntime;
import picocli.CommandLine.Option;

/** {@code --threads N}, for every command that runs a model. */
final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the model's computations. Default: one per available core that other "
                    + "processes are not busy on, at least one, re-read as the run goes (see `depeche bench`).")
    Integer threads;

    /**
     * Applies the choice to the engine and starts the engine in the background; call first thing in a command
     * that loads a model, once its options are known to be valid.
     */
    void apply() {
        if (threads != null && threads < 1) {
            throw new UsageException("--threads must be at least 1, not " + threads);
        }
        TorchRuntime.useThreads(threads);
        TorchRuntime.startInBackground();
    }
}
