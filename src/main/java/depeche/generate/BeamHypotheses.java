package depeche.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The finished hypotheses of one input in beam search, as HF's {@code BeamHypotheses}: at most
 * {@code numBeams} kept, scored {@code sum_logprobs / generated_len^length_penalty} in double precision.
 */
final class BeamHypotheses {
    private record Entry(double score, long[] ids) {
    }

    private final int numBeams;
    private final double lengthPenalty;
    private final GenerationConfig.EarlyStopping earlyStopping;
    private final int maxLength;
    private final List<Entry> beams = new ArrayList<>();
    private double worstScore = 1e9;

    BeamHypotheses(GenerationConfig config) {
        this.numBeams = config.numBeams();
        this.lengthPenalty = config.lengthPenalty();
        this.earlyStopping = config.earlyStopping();
        this.maxLength = config.effectiveMaxLength();
    }

    /** @param generatedLength tokens generated, eos included, start token not */
    void add(long[] ids, float sumLogprobs, int generatedLength) {
        double score = sumLogprobs / Math.pow(generatedLength, lengthPenalty);
        if (beams.size() < numBeams || score > worstScore) {
            beams.add(new Entry(score, ids));
            if (beams.size() > numBeams) {
                // Python sorts (score, index) pairs: the lowest score goes, the earliest on ties.
                int worst = 0;
                for (int i = 1; i < beams.size(); i++) {
                    if (beams.get(i).score() < beams.get(worst).score()) {
                        worst = i;
                    }
                }
                beams.remove(worst);
                worstScore = beams.stream().mapToDouble(Entry::score).min().orElseThrow();
            } else {
                worstScore = Math.min(score, worstScore);
            }
        }
    }

    /**
     * Whether no running beam can still beat the kept hypotheses.
     *
     * @param bestSumLogprobs the best running score of this step
     * @param curLen          the output length after this step, start token included
     */
    boolean isDone(float bestSumLogprobs, int curLen) {
        if (beams.size() < numBeams) {
            return false;
        }
        return switch (earlyStopping) {
            case TRUE -> true;
            case FALSE -> worstScore >= bestSumLogprobs / Math.pow(curLen - 1, lengthPenalty);
            case NEVER -> worstScore >= bestSumLogprobs
                    / Math.pow(lengthPenalty > 0 ? maxLength - 1 : curLen - 1, lengthPenalty);
        };
    }

    /**
     * The {@code count} best hypotheses, best first, as stored (without eos); on equal scores the later-added
     * one comes first, as popping Python's stably sorted list gives.
     */
    List<Hypothesis> best(int count) {
        List<Entry> sorted = new ArrayList<>(beams);
        sorted.sort(Comparator.comparingDouble(Entry::score));
        List<Hypothesis> out = new ArrayList<>();
        for (int i = 0; i < count && !sorted.isEmpty(); i++) {
            Entry e = sorted.remove(sorted.size() - 1);
            out.add(new Hypothesis(e.ids(), e.score()));
        }
        return out;
    }
}
