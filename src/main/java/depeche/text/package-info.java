/**
 * French text handling, model-free: normalization, sentence segmentation, and clause splitting of
 * sentences too long for the translation model.
 *
 * <p>How the pipeline uses it, per paragraph of an {@link depeche.document.Article} (whose text the
 * readers already passed through {@link depeche.text.FrenchNormalizer#clean}):
 * <pre>{@code
 * for (String sentence : segmenter.split(paragraph)) {          // shown in the files, given to the model
 *     ClauseSplit split = clauseSplitter.split(sentence);        // one part unless too long
 *     List<String> english = translate(split.parts());           // batched as the pipeline likes
 *     String target = split.joinTranslations(english);
 *     pairs.add(new SentencePair(sentence, target, split.warning().stream().toList()));
 * }
 * }</pre>
 */
package depeche.text;
