package depeche.text;

/** Library messages (Jackson, native tokenizers) may span lines; the one-line errors depeche prints must not. */
public final class OneLine {
    private OneLine() {
    }

    public static String of(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    public static String of(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : of(e.getMessage());
    }
}
