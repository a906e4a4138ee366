/**
 * Text to token ids and back with HF's results: Marian's {@code source.spm}/{@code target.spm} through
 * SentencePiece and {@code vocab.json}; {@code tokenizer.json} through HF's Rust tokenizers; BART's
 * {@code vocab.json}+{@code merges.txt} turned into the {@code tokenizer.json} transformers would make.
 * {@link depeche.tokenize.Tokenizers#load} chooses by the files present ({@link depeche.tokenize.TokenizerKind}).
 */
package depeche.tokenize;
