package depeche.tokenize;

import depeche.folder.ModelFiles;
import ai.djl.sentencepiece.SpTokenizer;
import depeche.folder.ModelException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HF {@code MarianTokenizer} (which has no fast version): SentencePiece pieces from {@code source.spm}, ids from
 * {@code vocab.json}, and decoding through {@code target.spm}.
 *
 * <p>Thread safety: after loading nothing changes, and the SentencePiece processors only read their model, so
 * {@link #encode}, {@link #decode} and {@link #tokenId} may run concurrently; {@link #close} must come after all use.
 */
final class MarianTokenizer implements TextTokenizer {
    static final String SOURCE_SPM = "source.spm";
    static final String TARGET_SPM = "target.spm";
    static final String VOCAB = "vocab.json";
    static final String TARGET_VOCAB = "target_vocab.json";

    /** HF {@code language_code_re}; Python's {@code .} stops only at {@code \n}, hence UNIX_LINES. */
    private static final Pattern LANGUAGE_CODE = Pattern.compile(">>.+?<<", Pattern.UNIX_LINES);
    private static final char SPIECE_UNDERLINE = '\u2581';

    private final SpTokenizer sourceSpm;
    private final SpTokenizer targetSpm;
    /** Source pieces → ids; it also gives the special token ids, as HF {@code convert_tokens_to_ids} does. */
    private final Vocabulary encoder;
    /** Ids → target pieces: {@code target_vocab.json} when {@code separate_vocabs}, else the encoder's. */
    private final Vocabulary decoder;
    private final String eosToken;
    private final String unkToken;
    private final Set<String> specialTokens;
    private final Set<Long> specialIds;

    private MarianTokenizer(SpTokenizer sourceSpm, SpTokenizer targetSpm, Vocabulary encoder, Vocabulary decoder,
                            String eosToken, String unkToken, String padToken) {
        this.sourceSpm = sourceSpm;
        this.targetSpm = targetSpm;
        this.encoder = encoder;
        this.decoder = decoder;
        this.eosToken = eosToken;
        this.unkToken = unkToken;
        // copyOf, not of: a config may give two roles the same token.
        this.specialTokens = Set.copyOf(List.of(eosToken, unkToken, padToken));
        this.specialIds = Set.copyOf(List.of(encoder.id(eosToken), encoder.id(unkToken), encoder.id(padToken)));
    }

    static MarianTokenizer load(Path modelDir, TokenizerSettings settings) {
        Path vocabFile = modelDir.resolve(VOCAB);
        Vocabulary encoder = Vocabulary.read(vocabFile);
        Vocabulary decoder = settings.flag("separate_vocabs", false) ? Vocabulary.read(modelDir.resolve(TARGET_VOCAB)) : encoder;
        String eos = settings.token("eos_token", "</s>");
        String unk = settings.token("unk_token", "<unk>");
        String pad = settings.token("pad_token", "<pad>");
        for (String special : List.of(eos, unk, pad)) {
            if (encoder.id(special) < 0) {
                throw new ModelException(vocabFile, "lacks the special token " + special);
            }
        }
        SpTokenizer source = loadSentencePiece(modelDir.resolve(SOURCE_SPM));
        try {
            return new MarianTokenizer(source, loadSentencePiece(modelDir.resolve(TARGET_SPM)), encoder, decoder, eos, unk, pad);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private static SpTokenizer loadSentencePiece(Path file) {
        byte[] model = ModelFiles.readBytes(file);
        try {
            return new SpTokenizer(model);
        } catch (RuntimeException e) {
            // The native message is a source location in SentencePiece; it stays in the cause.
            throw new ModelException(file, "not a SentencePiece model", e);
        }
    }

    /** HF {@code _tokenize} (language code, then source.spm pieces), ids through vocab.json, then {@code </s>}. */
    @Override
    public long[] encode(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher languageCode = LANGUAGE_CODE.matcher(text);
        if (languageCode.lookingAt()) {
            tokens.add(languageCode.group());
        }
        tokens.addAll(sourceSpm.tokenize(languageCode.replaceAll("")));
        tokens.add(eosToken);
        long unkId = encoder.id(unkToken);
        return tokens.stream().mapToLong(token -> {
            long id = encoder.id(token);
            return id < 0 ? unkId : id;
        }).toArray();
    }

    /**
     * HF {@code decode}: ids that are special are dropped when skipping (by id, as transformers 4.48 does);
     * otherwise {@code convert_tokens_to_string} writes each special token, followed by a space, between the
     * target.spm decodings of the pieces around it.
     */
    @Override
    public String decode(long[] ids, boolean skipSpecialTokens) {
        StringBuilder text = new StringBuilder();
        List<String> pieces = new ArrayList<>();
        for (long id : ids) {
            if (skipSpecialTokens && specialIds.contains(id)) {
                continue;
            }
            String token = decoder.token(id);
            if (token == null) {
                token = unkToken;
            }
            if (specialTokens.contains(token)) {
                text.append(targetSpm.buildSentence(pieces)).append(token).append(' ');
                pieces.clear();
            } else {
                pieces.add(token);
            }
        }
        text.append(targetSpm.buildSentence(pieces));
        return PythonText.strip(text.toString().replace(SPIECE_UNDERLINE, ' '));
    }

    /** The id in vocab.json, the vocabulary of the encoder input. */
    @Override
    public long tokenId(String token) {
        return encoder.id(token);
    }

    @Override
    public void close() {
        try {
            sourceSpm.close();
        } finally {
            targetSpm.close();
        }
    }
}
