/**
 * The immutable data that flows through a run: an {@link depeche.document.Article} as read, and the
 * {@link depeche.document.BilingualDocument} the writers turn into files.
 *
 * <p>Every record copies its lists and checks its invariants in its constructor, so a value that
 * exists is a valid one: ids are safe file names, paragraphs are never empty, and a bilingual
 * document has exactly one aligned paragraph per source paragraph.
 */
package depeche.document;
