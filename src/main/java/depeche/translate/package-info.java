/**
 * French paragraphs to English, the one translation path that {@code depeche translate}, the batch job and
 * the Spark job share: {@link depeche.translate.Planner} cuts paragraphs into sentences and over-long
 * sentences into clause parts ({@link depeche.translate.ParagraphPlan} → {@link depeche.translate.SentencePlan}
 * → parts); {@link depeche.translate.Translator} runs every part of every paragraph through shared batches, and
 * the plans assemble the outcomes back, in order, into {@link depeche.translate.TranslatedParagraph}s. No caller
 * counts indexes: each plan takes exactly its own outcomes from an iterator.
 */
package depeche.translate;
