package depeche.tokenize;

/**
 * Text to model ids and back, with the same results as the HuggingFace tokenizer of the model folder.
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
