/**
 * A HuggingFace model folder loaded and run: {@link depeche.inference.LoadedModel} (config, generation
 * defaults, tokenizer and network: texts in, texts and HF's ids out) and
 * {@link depeche.inference.BatchedGeneration}, which runs many inputs in length-sorted token-budget batches
 * ({@link depeche.inference.Batcher}) and gives back one {@link depeche.document.Outcome} per input, so that
 * one bad input costs only its own result. Below {@code translate}, {@code summarize} and {@code pipeline}.
 */
package depeche.inference;
