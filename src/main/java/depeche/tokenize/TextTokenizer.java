package depeche.tokenize;

/**
 * Text to model ids and back, with the same results as the HuggingFace tokenizer of the model folder.
 * Get one from {@link Tokenizers#load}.
 *
 * <p>Thread safety: an instance does not change after loading, so one may be shared by many threads that call
 * {@link #encode}, {@link #decode} and {@link #tokenId} at once. It holds native memory: {@link #close} it once,
 * after every thread is done with it.
 */
public interface TextTokenizer extends AutoCloseable {

    /** Ids for one input text, with the model's special tokens added (Marian: {@code </s>}; BART: {@code <s> … </s>}). */
    long[] encode(String text);

    /** Text for ids, as HF {@code decode(ids, skip_special_tokens, clean_up_tokenization_spaces=False)}. */
    String decode(long[] ids, boolean skipSpecialTokens);

    /** The id of a token string, or -1 when the vocabulary does not hold it. */
    long tokenId(String token);

    @Override
    void close();
}
