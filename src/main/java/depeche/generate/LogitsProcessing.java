package depeche.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HF's logits processors for the settings depeche supports, applied in HF's order: no-repeat n-gram, bad
 * words, min length / min new tokens (token bans), forced BOS, forced EOS (whole-row replacements), then
 * renormalization. Greedy search applies them to raw logits, beam search to log-probabilities.
 */
final class LogitsProcessing {
    private final GenerationConfig config;
    private final int maxLength;
    private final List<long[]> badWords;

    LogitsProcessing(GenerationConfig config) {
        this.config = config;
        this.maxLength = config.effectiveMaxLength();
        // HF drops a bad-words entry that is exactly an eos token, so eos can never be banned that way.
        this.badWords = config.badWordsIds().stream()
                .filter(seq -> !(seq.length == 1 && contains(config.eosTokenIds(), seq[0])))
                .toList();
    }

    /**
     * @param scores    [rows, vocab] logits or log-probabilities; bans are written into it in place
     *                  (a copy of the whole array per step would cost more than the bans themselves)
     * @param sequences each row's tokens so far, decoder start token included
     * @return the processed scores: {@code scores} itself, or a new array when a later processor replaces it
     */
    NDArray apply(NDArray scores, List<long[]> sequences) {
        int curLen = sequences.get(0).length;
        int vocab = (int) scores.getShape().get(1);
        TokenBans bans = new TokenBans(vocab);
        banRepeatedNgrams(sequences, curLen, bans);
        banBadWords(sequences, bans);
        banEarlyEos(sequences.size(), curLen, bans);
        if (!bans.isEmpty()) {
            NDManager m = scores.getManager();
            scores.set(new NDIndex("{}, {}", m.create(bans.rows()), m.create(bans.tokens())),
                    Float.NEGATIVE_INFINITY);
        }
        if (config.forcedBosTokenId() != null && curLen == 1) {
            scores = forcedRow(scores, new long[] {config.forcedBosTokenId()});
        }
        if (config.forcedEosTokenIds().length > 0 && curLen == maxLength - 1) {
            scores = forcedRow(scores, config.forcedEosTokenIds());
        }
        if (config.renormalizeLogits()) {
            scores = scores.logSoftmax(1);
        }
        return scores;
    }

    /** NoRepeatNGramLogitsProcessor: ban tokens that would complete an n-gram already in the row. */
    private void banRepeatedNgrams(List<long[]> sequences, int curLen, TokenBans bans) {
        int n = config.noRepeatNgramSize();
        if (n <= 0 || curLen + 1 < n) {
            return;
        }
        for (int row = 0; row < sequences.size(); row++) {
            long[] seq = sequences.get(row);
            Map<List<Long>, List<Long>> following = new HashMap<>();
            for (int start = 0; start + n <= curLen; start++) {
                following.computeIfAbsent(slice(seq, start, start + n - 1), k -> new ArrayList<>()).add(seq[start + n - 1]);
            }
            for (long token : following.getOrDefault(slice(seq, curLen - n + 1, curLen), List.of())) {
                bans.ban(row, token);
            }
        }
    }

    /** NoBadWordsLogitsProcessor: single tokens always; longer sequences when the row ends with their prefix. */
    private void banBadWords(List<long[]> sequences, TokenBans bans) {
        for (long[] bad : badWords) {
            for (int row = 0; row < sequences.size(); row++) {
                long[] seq = sequences.get(row);
                if (bad.length <= seq.length && endsWith(seq, bad, bad.length - 1)) {
                    bans.ban(row, bad[bad.length - 1]);
                }
            }
        }
    }

    /** MinLengthLogitsProcessor and MinNewTokensLengthLogitsProcessor (the start token is the prompt). */
    private void banEarlyEos(int rows, int curLen, TokenBans bans) {
        if (curLen < config.minLength() || curLen - 1 < config.minNewTokens()) {
            for (int row = 0; row < rows; row++) {
                for (long eos : config.eosTokenIds()) {
                    bans.ban(row, eos);
                }
            }
        }
    }

    /** Forced-token processors: every score -inf except the forced tokens, which get 0. */
    private static NDArray forcedRow(NDArray scores, long[] tokens) {
        Shape shape = scores.getShape();
        int vocab = (int) shape.get(1);
        float[] row = new float[vocab];
        Arrays.fill(row, Float.NEGATIVE_INFINITY);
        for (long t : tokens) {
            row[(int) t] = 0f;
        }
        return scores.getManager().create(row, new Shape(1, vocab)).repeat(0, shape.get(0));
    }

    private static boolean endsWith(long[] seq, long[] pattern, int prefixLength) {
        for (int i = 0; i < prefixLength; i++) {
            if (seq[seq.length - prefixLength + i] != pattern[i]) {
                return false;
            }
        }
        return true;
    }

    private static List<Long> slice(long[] seq, int from, int to) {
        List<Long> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(seq[i]);
        }
        return out;
    }

    static boolean contains(long[] ids, long id) {
        for (long x : ids) {
            if (x == id) {
                return true;
            }
        }
        return false;
    }
}
