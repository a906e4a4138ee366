package depeche.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Re-checks an installed model against the sha256s its fetch manifest recorded from the hub. */
public final class ModelVerifier {
    private ModelVerifier() {
    }

    /** How a verification ended. */
    public enum Outcome {
        /** Every file matches its recorded sha256. */
        VERIFIED,
        /** A file is missing or differs, or the folder is incomplete. */
        FAILED,
        /** The folder is complete but was copied by hand: there are no checksums to compare. */
        NO_MANIFEST
    }

    /**
     * @param files    files checked
     * @param problems one line per file that failed
     */
    public record Result(InstalledModel model, Outcome outcome, int files, List<String> problems) {
    }

    public static Result verify(InstalledModel model) {
        List<String> problems = new ArrayList<>(model.problems());
        if (model.manifest().isEmpty()) {
            return new Result(model, problems.isEmpty() ? Outcome.NO_MANIFEST : Outcome.FAILED, 0, problems);
        }
        List<FetchManifest.Entry> entries = model.manifest().get().files();
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
                problems.add(entry.name() + " is unreadable: " + e.getMessage());
            }
        }
        return new Result(model, problems.isEmpty() ? Outcome.VERIFIED : Outcome.FAILED, entries.size(),
                List.copyOf(problems));
    }
}
