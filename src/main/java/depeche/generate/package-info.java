/**
 * HF {@code generate()} for encoder-decoder models, with HF's semantics so that the ids are HF's:
 * {@link depeche.generate.GenerationConfig} reads {@code generation_config.json} (or the generation keys of
 * {@code config.json}); {@link depeche.generate.Generator} runs {@link depeche.generate.GreedySearch} or
 * {@link depeche.generate.BeamSearch} over a batch, with HF's logits processors
 * ({@link depeche.generate.LogitsProcessing}: no-repeat n-gram, bad words, min length, forced BOS/EOS,
 * renormalization) and length penalty. This is the one package that works with row indexes into batches.
 */
package depeche.generate;
