package depeche.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
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
        TokenBans bans = bans(sequences, (int) scores.getShape().get(1));
        ban(scores, bans);
        scores = forced(scores, curLen);
        if (config.renormalizeLogits()) {
            scores = scores.logSoftmax(1);
        }
        return scores;
    }

    /**
     * Beam search's processing of the step's log-probabilities, with the renormalization HF does last
     * ({@code renormalize_logits}, a second log_softmax) folded into one offset per row: when only bans changed
     * the row, its log-probabilities less the banned ones' mass are renormalized by subtracting
     * {@code log(1 - Σ exp(banned))}, computed in double from the few banned values. That saves a full
     * log_softmax pass over [rows, vocab] every step. (Same values up to float rounding, as a second
     * log_softmax over the float row would give.)
     *
     * @param logProbs  [rows, vocab] log_softmax of the logits; bans are written into it in place
     * @param sequences each row's tokens so far, decoder start token included
     * @return the scores, and what to add to each row to renormalize them (zeros when nothing is to add)
     */
    Processed applyToLogProbs(NDArray logProbs, List<long[]> sequences) {
        int curLen = sequences.get(0).length;
        int rows = sequences.size();
        float[] offsets = new float[rows];
        if (forcedAt(curLen)) {
            return forcedScores(logProbs.getManager(), rows, (int) logProbs.getShape().get(1), curLen);
        }
        TokenBans bans = bans(sequences, (int) logProbs.getShape().get(1));
        if (config.renormalizeLogits() && !bans.isEmpty()) {
            double[] bannedMass = new double[rows];
            float[] banned = logProbs.get(bans.index(logProbs.getManager())).toFloatArray();
            long[] bannedRows = bans.rows();
            for (int i = 0; i < banned.length; i++) {
                bannedMass[(int) bannedRows[i]] += Math.exp(banned[i]);
            }
            for (int r = 0; r < rows; r++) {
                offsets[r] = (float) -Math.log1p(-bannedMass[r]);
            }
        }
        ban(logProbs, bans);
        return new Processed(logProbs, offsets);
    }

    /**
     * Processed scores for beam search.
     *
     * @param scores     [rows, vocab]
     * @param rowOffsets to add to each row (with the beam's running score) to complete the processing
     */
    record Processed(NDArray scores, float[] rowOffsets) {
    }

    /** Whether a forced-token processor replaces every row at {@code curLen}, so the logits do not matter. */
    boolean forcedAt(int curLen) {
        return config.forcedBosTokenId() != null && curLen == 1 || forcesLastToken(curLen);
    }

    /**
     * Whether the token generated at {@code curLen} is the last one and forced (forced_eos_token_id at max_length):
     * then neither the logits nor the decoder's keys and values of that step are needed.
     */
    boolean forcesLastToken(int curLen) {
        return config.forcedEosTokenIds().length > 0 && curLen == maxLength - 1;
    }

    /** Beam search's scores at a step where a forced token replaces every row ({@link #forcedAt}). */
    Processed forcedScores(NDManager manager, int rows, int vocab, int curLen) {
        NDArray scores = forced(manager, rows, vocab, curLen);
        return new Processed(config.renormalizeLogits() ? scores.logSoftmax(1) : scores, new float[rows]);
    }

    private TokenBans bans(List<long[]> sequences, int vocab) {
        int curLen = sequences.get(0).length;
        TokenBans bans = new TokenBans(vocab);
        banRepeatedNgrams(sequences, curLen, bans);
        banBadWords(sequences, bans);
        banEarlyEos(sequences.size(), curLen, bans);
        return bans;
    }

    private static void ban(NDArray scores, TokenBans bans) {
        if (!bans.isEmpty()) {
            scores.set(bans.index(scores.getManager()), Float.NEGATIVE_INFINITY);
        }
    }

    /** The scores after the forced-token processors: {@code scores} itself when none applies at {@code curLen}. */
    private NDArray forced(NDArray scores, int curLen) {
        if (!forcedAt(curLen)) {
            return scores;
        }
        return forced(scores.getManager(), (int) scores.getShape().get(0), (int) scores.getShape().get(1), curLen);
    }

    /** HF applies forced BOS, then forced EOS; at max_length 2 both apply and EOS wins. */
    private NDArray forced(NDManager manager, int rows, int vocab, int curLen) {
        long[] tokens = forcesLastToken(curLen) ? config.forcedEosTokenIds() : new long[] {config.forcedBosTokenId()};
        return forcedRow(manager, rows, vocab, tokens);
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
    private static NDArray forcedRow(NDManager manager, int rows, int vocab, long[] tokens) {
        float[] row = new float[vocab];
        Arrays.fill(row, Float.NEGATIVE_INFINITY);
        for (long t : tokens) {
            row[(int) t] = 0f;
        }
        return manager.create(row, new Shape(1, vocab)).repeat(0, rows);
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
