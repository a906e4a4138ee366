package depeche.inference;

import depeche.document.ModelInfo;
import depeche.hub.Digests;
import depeche.hub.FetchManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Names a loaded model for reports, fingerprints and the translation memory: folder name, model type and the
 * weights' sha256 ({@link LoadedModel#identity()} keeps it).
 */
final class ModelIdentity {
    private ModelIdentity() {
    }

    /**
     * The model's identity. The sha256 comes from the fetch manifest when {@code models fetch} installed the
     * folder (it was verified then, and the size still matches); otherwise it is computed from the file.
     */
    static ModelInfo of(LoadedModel model) {
        Path weights = model.weightsFile();
        String fileName = weights.getFileName().toString();
        try {
            long size = Files.size(weights);
            String sha256 = FetchManifest.read(model.folder()).flatMap(m -> m.files().stream()
                            .filter(e -> e.name().equals(fileName) && e.size() == size).findFirst())
                    .map(FetchManifest.Entry::sha256)
                    .orElse(null);
            if (sha256 == null) {
                sha256 = Digests.sha256(weights);
            }
            return new ModelInfo(model.name(), model.config().architecture().modelType(), sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + weights, e);
        }
    }
}
