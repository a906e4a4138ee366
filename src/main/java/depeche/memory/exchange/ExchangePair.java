package depeche.memory.exchange;

import depeche.document.Origin;
import java.util.Optional;

/**
 * A French sentence and its English translation, as a TMX or XLIFF file holds it.
 *
 * @param id     the unit's id in the file: a TMX {@code tuid}; for XLIFF, {@code file/unit} ids (with
 *               {@code /segment} when the segment has one); empty when the file gives none
 * @param line   where the unit starts in the file (for messages)
 * @param source the French text, as written in the file (inline codes left out)
 * @param target the English text, as written in the file (inline codes left out)
 * @param origin {@link Origin#REVIEWED} when the file says a person approved the translation (see
 *               {@link TmxReader} and {@link XliffReader} for what says so), else {@link Origin#MACHINE}
 */
public record ExchangePair(Optional<String> id, int line, String source, String target, Origin origin) {

    /** How messages name this unit: "line 12 (tuid a-p1-s2)". */
    public String where() {
        return "line " + line + id.map(i -> " (" + i + ")").orElse("");
    }
}
