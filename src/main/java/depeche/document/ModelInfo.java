package depeche.document;

/**
 * A model used in a run, identified well enough to reproduce the output.
 *
 * @param name          the model folder's name, e.g. {@code opus-mt-fr-en}
 * @param type          the {@code model_type} of its config, e.g. {@code marian} or {@code bart}
 * @param weightsSha256 the SHA-256 of its weights file, in lower-case hex
 */
public record ModelInfo(String name, String type, String weightsSha256) {

    public ModelInfo {
        Texts.requireNonBlank(name, "model name");
        Texts.requireNonBlank(type, "model type");
        Texts.requireNonBlank(weightsSha256, "weights sha256");
    }
}
