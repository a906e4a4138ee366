package depeche.quality;

import depeche.document.Flag;
import depeche.document.Flag.Severity;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of {@link Flag} depeche sets, with its stable code (what tools, filters and the review page key on)
 * and its severity. Most are model-free checks of the text (Okapi CheckMate / QA Distiller practice); three say
 * what happened in the model, and stop applying once a person has corrected the sentence.
 */
public enum FlagKind {
    /** A number of the source is missing or different in the target (or the target has one the source lacks). */
    NUMBER_MISMATCH("number-mismatch", Severity.ERROR, false),
    /** The target is the source, unchanged. */
    COPY("copy", Severity.ERROR, false),
    /** The target is largely French: untranslated words left in it. */
    UNTRANSLATED("untranslated", Severity.WARNING, false),
    /** The target is far longer or shorter than a translation of the source usually is. */
    LENGTH_RATIO("length-ratio", Severity.WARNING, false),
    /** A word or phrase repeats over and over: the model looped (hallucination). */
    REPETITION("repetition", Severity.ERROR, false),
    /** Quotes, parentheses or brackets balanced in the source are not in the target. */
    UNBALANCED("unbalanced", Severity.WARNING, false),
    /** The source (the sentence, or the whole article) is not French. */
    NOT_FRENCH("not-french", Severity.WARNING, false),
    /** The model's own confidence is under the run's {@code --min-confidence}. */
    LOW_CONFIDENCE("low-confidence", Severity.WARNING, true),
    /** The output reached the model's max_length and may be cut short. */
    CUT("cut", Severity.ERROR, true),
    /** The sentence was too long for the model and translated in clause parts joined again. */
    SPLIT("split", Severity.INFO, true);

    private final String code;
    private final Severity severity;
    private final boolean aboutTheModel;

    FlagKind(String code, Severity severity, boolean aboutTheModel) {
        this.code = code;
        this.severity = severity;
        this.aboutTheModel = aboutTheModel;
    }

    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    /** Whether the flag describes the model's output (not the text): it no longer applies to a person's correction. */
    public boolean aboutTheModel() {
        return aboutTheModel;
    }

    /** A flag of this kind saying {@code reason}. */
    public Flag flag(String reason) {
        return new Flag(code, severity, reason);
    }

    /** Whether {@code flag} is of this kind. */
    public boolean is(Flag flag) {
        return flag.code().equals(code);
    }

    /** The kind with this code; empty for a code depeche does not set (a flag from another tool). */
    public static Optional<FlagKind> of(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
