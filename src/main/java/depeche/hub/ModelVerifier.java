package depeche.hub;

import depeche.folder.ModelException;
import depeche.model.weights.Checkpoint;
import depeche.model.weights.Checkpoints;
import depeche.model.weights.FiniteWeights;
import depeche.text.OneLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Re-checks an installed model: every file against the sha256 its fetch manifest recorded when it was fetched
 * (checked then against the hub's checksum, unless the hub listed none: see {@link Outcome#UNVERIFIED}), and the
 * weights for NaN or infinite values (which a checksum cannot catch when the file was damaged before it was
 * published, or converted wrongly).
 */
public final class ModelVerifier {
    private ModelVerifier() {
    }

    /** How a verification ended. */
    public enum Outcome {
        /** Every file matches its recorded sha256, and the weights are finite. */
        VERIFIED,
        /** A file is missing or differs, the weights are damaged, or the folder is incomplete. */
        FAILED,
        /**
         * Every file matches the sha256 recorded when it was downloaded, but the hub listed no checksum for some
         * ({@code models fetch --allow-unverified}): nothing shows they are the files published.
         */
        UNVERIFIED,
        /** The folder is complete but was copied by hand: there are no checksums to compare. */
        NO_MANIFEST
    }

    /**
     * @param files      files checked
     * @param problems   one line per file that failed
     * @param unverified the files installed without a checksum from the hub to check them against
     */
    public record Result(InstalledModel model, Outcome outcome, int files, List<String> problems,
                         List<String> unverified) {
    }

    public static Result verify(InstalledModel model) {
        List<String> problems = new ArrayList<>(model.problems());
        List<FetchManifest.Entry> entries = model.manifest().map(FetchManifest::files).orElse(List.of());
        for (FetchManifest.Entry entry : entries) {
            Path file = model.dir().resolve(entry.name());
            if (!Files.isRegularFile(file)) {
                continue; // already among the model's problems
            }
            try {
                String sha256 = Digests.sha256(file);
                if (!sha256.equals(entry.sha256())) {
                    problems.add(entry.name() + " has sha256 " + sha256 + ", fetched as " + entry.sha256());
                }
            } catch (IOException e) {
                problems.add(entry.name() + " is unreadable: " + OneLine.of(e));
            }
        }
        weightsProblem(model.dir()).ifPresent(problems::add);
        List<String> unverified = model.manifest().map(FetchManifest::unverified).orElse(List.of());
        Outcome outcome = !problems.isEmpty() ? Outcome.FAILED
                : model.manifest().isEmpty() ? Outcome.NO_MANIFEST
                : !unverified.isEmpty() ? Outcome.UNVERIFIED : Outcome.VERIFIED;
        return new Result(model, outcome, entries.size(), List.copyOf(problems), unverified);
    }

    /**
     * What is wrong with the weights' values or structure, as "model.safetensors: tensor 'x' holds NaN (3 values);
     * the weights are damaged". Missing weights are already among the model's problems.
     */
    private static Optional<String> weightsProblem(Path dir) {
        try (Checkpoint checkpoint = Checkpoints.open(dir)) {
            return FiniteWeights.firstDamage(checkpoint)
                    .map(damage -> dir.relativize(damage.file()) + ": " + damage.problem());
        } catch (ModelException e) {
            // The folder itself is at fault only when it holds no weights file, which the model's problems say.
            return e.file().equals(dir) ? Optional.empty()
                    : Optional.of((e.file().startsWith(dir) ? dir.relativize(e.file()) : e.file()) + ": " + e.problem());
        }
    }
}
