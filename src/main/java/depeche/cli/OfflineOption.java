package depeche.cli;

import picocli.CommandLine.Option;

/** {@code --offline}, shared by every command that may fetch a missing default model. */
final class OfflineOption {
    @Option(names = "--offline",
            description = "Never use the network: a missing default model is an error (as HF_HUB_OFFLINE=1).")
    boolean offline;
}
