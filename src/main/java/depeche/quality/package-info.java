/**
 * Quality checks that send a reviewer to the sentences likely wrong: model-free checks of each sentence pair
 * (numbers, copy, untranslated French, length ratio, repetition loops, unbalanced quotes and brackets, a source that
 * is not French) in the manner of Okapi CheckMate, the model's confidence under a threshold, and what the model
 * itself reported (output cut at max_length, sentence split into parts). {@link depeche.quality.QualityChecks} runs
 * them all and is the one place flags are set; {@link depeche.quality.FlagKind} names every flag.
 */
package depeche.quality;
