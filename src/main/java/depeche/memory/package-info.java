/**
 * The translation memory: one SQLite file ({@link depeche.memory.MemoryStore}) of sentence translations, so that a
 * run never translates a sentence it has translated before with the same model and settings, and a reviewer's
 * correction is used by every later run in place of the model's output.
 *
 * <p>A machine translation is keyed by its {@link depeche.memory.MemoryContext context} (the model's weights
 * sha256 and every setting that changes the output) and the exact source sentence; a reviewed one by the source
 * sentence alone, whatever the model. {@link depeche.memory.TranslationMemory} is the memory as a run holds it:
 * opened on first use, and never a reason to lose an article (a damaged or locked file is one warning, and the
 * run goes on without it). Import and export files are in {@link depeche.memory.exchange}.
 */
package depeche.memory;
