package depeche.text;

import java.util.regex.Pattern;

/** Library messages (Jackson, native tokenizers) may span lines; the one-line errors depeche prints must not. */
public final class OneLine {
    /** Jackson's reference to a place in its input: "[Source: REDACTED (…); line: 2, column: 14]". */
    private static final Pattern JACKSON_LOCATION = Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)]");
    /** Jackson's pointer to the setting behind a limit: "(1000, from `StreamReadConstraints.getMaxNestingDepth()`)". */
    private static final Pattern JACKSON_SETTING = Pattern.compile(", from `[^`]*`");

    private OneLine() {
    }

    /**
     * {@code text} on one line, with a Jackson input reference shortened to "line 2, column 14" and the names of
     * Jackson's settings left out.
     */
    public static String of(String text) {
        String oneLine = text.strip().replaceAll("\\s*\\R\\s*", " ");
        String located = JACKSON_LOCATION.matcher(oneLine).replaceAll("line $1, column $2");
        return JACKSON_SETTING.matcher(located).replaceAll("");
    }

    public static String of(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : of(e.getMessage());
    }
}
