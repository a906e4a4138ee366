/**
 * The encoder-decoder network of the {@code marian} and {@code bart} model types on DJL's PyTorch engine.
 *
 * <p>{@link depeche.model.ModelConfig} mirrors {@code config.json} with HF's defaults;
 * {@link depeche.model.Seq2SeqModel} is built from a checkpoint ({@code depeche.model.weights}) through a
 * {@link depeche.model.WeightsView} scoped to each part's key prefix, so the classes and the checkpoint's names
 * are one: {@code Encoder}/{@code Decoder} hold {@code EncoderLayer}/{@code DecoderLayer}s, each with its
 * {@code Attention} ({@code self_attn}, {@code encoder_attn}), {@code Linear} ({@code fc1}, {@code fc2}) and
 * {@code LayerNorm}s. {@link depeche.model.DecoderState} keeps the key/value cache between decoding steps.
 */
package depeche.model;
