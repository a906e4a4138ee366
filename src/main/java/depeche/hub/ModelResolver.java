package depeche.hub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the model folder a command runs on: the folder the user named, or the default model of a
 * role in the models folder, fetched first when it is missing and the network is allowed (as HF's
 * tools do on a first run).
 *
 * <p>Nothing here touches the network for an explicit folder, with {@code --offline}, or with
 * {@code HF_HUB_OFFLINE=1}; a missing model then gets a message naming it and the fetch command.
 */
public final class ModelResolver {
    private final Path modelsDir;
    private final HubEnvironment env;
    private final boolean offlineOption;
    private final FetchListener listener;
    private final TransferSettings settings;

    /**
     * The resolver the commands use.
     *
     * @param modelsDir     the models folder ({@code --models}, default {@code models})
     * @param env           where the HF_* variables come from
     * @param offlineOption whether {@code --offline} was given
     */
    public static ModelResolver forCommandLine(Path modelsDir, HubEnvironment env, boolean offlineOption) {
        return new ModelResolver(modelsDir, env, offlineOption, ConsoleFetchListener.forStderr(),
                TransferSettings.DEFAULT);
    }

    public ModelResolver(Path modelsDir, HubEnvironment env, boolean offlineOption, FetchListener listener,
                         TransferSettings settings) {
        this.modelsDir = modelsDir;
        this.env = env;
        this.offlineOption = offlineOption;
        this.listener = listener;
        this.settings = settings;
    }

    /**
     * The model folder for {@code role}.
     *
     * @param explicitDir the folder the user named ({@code --model DIR}), or null for the default
     * @return a folder that exists; the default model's folder is complete
     * @throws depeche.folder.ModelException (exit code 2) naming the model and the exact fetch command
     *         when it is missing and cannot be fetched
     */
    public Path resolve(Role role, Path explicitDir) {
        if (explicitDir != null) {
            if (!Files.isDirectory(explicitDir)) {
                throw new FetchException(explicitDir, "no such model folder (an explicit --model is never"
                        + " downloaded)");
            }
            return explicitDir;
        }
        CatalogEntry entry = Catalog.load(modelsDir).defaultFor(role);
        Path dir = modelsDir.resolve(entry.name());
        if (Files.exists(dir)) {
            return checkedInstalled(entry, dir);
        }
        Optional<String> offlineBecause = offlineOption ? Optional.of("--offline")
                : env.offline() ? Optional.of("HF_HUB_OFFLINE=1") : Optional.empty();
        if (offlineBecause.isPresent()) {
            throw new FetchException(dir, "the default " + role.label() + " model " + entry.name() + " ("
                    + entry.repo() + ") is not installed and " + offlineBecause.get() + " forbids downloading it: run `"
                    + entry.fetchCommand() + "` (or run it on a machine with internet and copy the folder to " + dir
                    + "/)");
        }
        listener.fetchingMissingDefault(entry, dir, env.endpoint());
        return new ModelFetcher(modelsDir, env, settings, listener).fetch(FetchRequest.of(entry), false);
    }

    /** The default model of {@code role} if it is installed; never fetches (for "use it when present" choices). */
    public Optional<Path> installed(Role role) {
        Path dir = modelsDir.resolve(Catalog.load(modelsDir).defaultFor(role).name());
        return Files.isDirectory(dir) && ModelLayout.missing(dir).isEmpty() ? Optional.of(dir) : Optional.empty();
    }

    private static Path checkedInstalled(CatalogEntry entry, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new FetchException(dir, "is a file, not the folder of the " + entry.role().label() + " model");
        }
        List<String> missing = ModelLayout.missing(dir);
        if (!missing.isEmpty()) {
            throw new FetchException(dir, "the " + entry.role().label() + " model folder is incomplete (missing "
                    + String.join(", ", missing) + "): remove it and run `" + entry.fetchCommand()
                    + "`, or copy the complete folder");
        }
        return dir;
    }
}
