package depeche.memory;

import depeche.text.FrenchNormalizer;

/**
 * A reviewer's translation of one French sentence, for the memory to give every later run in place of the
 * model's.
 *
 * @param source the French sentence; cleaned as articles are read ({@link FrenchNormalizer#clean}), so that a
 *               sentence from a CAT tool matches the same sentence read from an article
 * @param target the English a reviewer chose, without surrounding whitespace
 * @param note   where the correction came from (a file name, say), for people; may be null
 */
public record ReviewedTranslation(String source, String target, String note) {
    public ReviewedTranslation {
        source = FrenchNormalizer.clean(source);
        target = target == null ? "" : target.strip();
        if (source.isEmpty() || target.isEmpty()) {
            throw new IllegalArgumentException("a reviewed translation needs a source and a target");
        }
    }
}
