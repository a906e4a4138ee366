package depeche.review;

import java.util.Objects;
import java.util.Optional;

/**
 * What a reviewer did to one sentence of an article.
 *
 * @param paragraph  the paragraph, from 1
 * @param sentence   the sentence within the paragraph, from 1
 * @param source     the French sentence the reviewer saw (to make sure the correction meets the same sentence)
 * @param oldTarget  the English the reviewer started from, when the file says (to catch a page older than the
 *                   files); empty for files that do not keep it
 * @param newTarget  the English as the reviewer left it
 * @param reviewed   whether the reviewer marked it reviewed; a changed English is the reviewer's in any case
 */
public record Correction(int paragraph, int sentence, String source, Optional<String> oldTarget, String newTarget,
                         boolean reviewed) {
    public Correction {
        if (paragraph < 1 || sentence < 1) {
            throw new IllegalArgumentException("paragraph and sentence count from 1, not " + paragraph + "." + sentence);
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(oldTarget, "oldTarget");
        Objects.requireNonNull(newTarget, "newTarget");
    }

    /** "2.3": where the sentence is, as the review page numbers it. */
    public String position() {
        return paragraph + "." + sentence;
    }
}
