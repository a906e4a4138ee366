package depeche.document;

import java.util.Objects;

/**
 * Something about a sentence pair that a reviewer should look at: a number changed, the output cut short, the
 * source not French. Flags are computed without a model, or from the model's own confidence.
 *
 * @param code     a stable name for tools and filters, e.g. {@code number-mismatch}
 * @param severity how likely the translation is wrong
 * @param reason   one line saying what was found, for people
 */
public record Flag(String code, Severity severity, String reason) {

    /** How much a flag should worry a reviewer. */
    public enum Severity {
        /** Worth knowing; the translation is probably fine. */
        INFO,
        /** The translation may be wrong: look at it. */
        WARNING,
        /** The translation is very likely wrong. */
        ERROR
    }

    public Flag {
        Texts.requireNonBlank(code, "flag code");
        Objects.requireNonNull(severity, "severity");
        Texts.requireNonBlank(reason, "flag reason");
    }
}
