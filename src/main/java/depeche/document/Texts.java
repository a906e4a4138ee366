package depeche.document;

/** Argument checks shared by the records. */
final class Texts {
    private Texts() {}

    static String requireNonBlank(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return text;
    }
}
