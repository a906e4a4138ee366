package depeche.tokenize;

/** Library messages (Jackson, native tokenizers) may span lines; {@link depeche.model.ModelException} must not. */
final class OneLine {
    private OneLine() {
    }

    static String of(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    static String of(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : of(e.getMessage());
    }
}
