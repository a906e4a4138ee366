package depeche.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import depeche.model.DecoderState;
import depeche.model.Seq2SeqModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Beam search with the semantics of HF's {@code BeamSearchScorer}: per input, the top {@code 2·num_beams}
 * candidates over all beams; an eos among the first {@code num_beams} finishes a hypothesis, the others fill
 * the next beams; an input is done by its early-stopping rule. Done inputs leave the batch (HF keeps computing
 * them but ignores the results), so the others run on fewer rows.
 */
final class BeamSearch {
    private final Seq2SeqModel model;
    private final DecoderState state;
    private final GenerationConfig config;
    private final LogitsProcessing processing;
    private final int beams;
    private final int vocab;
    private final NDManager manager;

    /** @param manager for the arrays of each step, which are closed with the step */
    BeamSearch(Seq2SeqModel model, DecoderState state, GenerationConfig config, NDManager manager) {
        this.model = model;
        this.state = state;
        this.config = config;
        this.processing = new LogitsProcessing(config);
        this.beams = config.numBeams();
        this.vocab = model.config().decoderVocabSize();
        this.manager = manager;
    }

    /** A beam chosen for the next step: the row it continues, the token it adds, its accumulated score. */
    private record Candidate(int sourceRow, long token, float score) {
    }

    List<List<Hypothesis>> run(int inputs) {
        int maxLength = config.effectiveMaxLength();
        int candidatesPerInput = Math.max(2, 1 + config.eosTokenIds().length) * beams;
        BeamHypotheses[] finished = new BeamHypotheses[inputs];
        List<Integer> active = new ArrayList<>();
        List<long[]> rows = new ArrayList<>();
        float[] beamScores = new float[inputs * beams];
        for (int i = 0; i < inputs; i++) {
            finished[i] = new BeamHypotheses(config);
            active.add(i);
            for (int b = 0; b < beams; b++) {
                rows.add(new long[] {config.decoderStartTokenId()});
                beamScores[i * beams + b] = b == 0 ? 0f : -1e9f; // only beam 0 starts live
            }
        }
        int length = 1;
        while (true) {
            float[] topScores;
            long[] topIndices;
            try (NDScope ignored = new NDScope()) {
                LogitsProcessing.Processed processed = scores(rows);
                float[] running = beamScores.clone();
                for (int r = 0; r < running.length; r++) {
                    running[r] += processed.rowOffsets()[r];
                }
                NDArray scores = processed.scores();
                NDList top = scores.addi(manager.create(running, new Shape(rows.size(), 1)))
                        .reshape(active.size(), (long) beams * vocab)
                        .topK(candidatesPerInput, 1, true, true);
                topScores = top.get(0).toFloatArray();
                topIndices = top.get(1).toLongArray();
            }
            NaNScoresException.check(topScores, length);
            length++;
            List<Integer> stillActive = new ArrayList<>();
            List<Long> keptInputs = new ArrayList<>();
            List<Candidate> next = new ArrayList<>();
            for (int a = 0; a < active.size(); a++) {
                int input = active.get(a);
                int offset = a * candidatesPerInput;
                List<Candidate> chosen = new ArrayList<>(beams);
                for (int rank = 0; rank < candidatesPerInput && chosen.size() < beams; rank++) {
                    long flat = topIndices[offset + rank];
                    int sourceRow = a * beams + (int) (flat / vocab);
                    long token = flat % vocab;
                    if (LogitsProcessing.contains(config.eosTokenIds(), token)) {
                        if (rank < beams) {
                            finished[input].add(rows.get(sourceRow), topScores[offset + rank], length - 1);
                        }
                    } else {
                        chosen.add(new Candidate(sourceRow, token, topScores[offset + rank]));
                    }
                }
                if (chosen.size() < beams) {
                    throw new IllegalStateException("beam search found fewer than " + beams + " live candidates");
                }
                if (!finished[input].isDone(topScores[offset], length)) {
                    stillActive.add(input);
                    keptInputs.add((long) a);
                    next.addAll(chosen);
                }
            }
            if (length >= maxLength || stillActive.isEmpty()) {
                addRunningBeams(finished, stillActive, advance(rows, next), next);
                break;
            }
            rows = advance(rows, next);
            beamScores = new float[next.size()];
            for (int i = 0; i < next.size(); i++) {
                beamScores[i] = next.get(i).score();
            }
            long[] sources = next.stream().mapToLong(Candidate::sourceRow).toArray();
            state.select(sources, stillActive.size() < active.size()
                    ? keptInputs.stream().mapToLong(Long::longValue).toArray()
                    : null);
            active = stillActive;
        }
        return results(finished, maxLength);
    }

    /**
     * The step's processed log-probabilities. When the token is forced and the last one, the decoder does not run:
     * a forced row replaces its logits, and no later step needs its keys and values.
     */
    private LogitsProcessing.Processed scores(List<long[]> rows) {
        int curLen = rows.get(0).length;
        if (processing.forcesLastToken(curLen)) {
            return processing.forcedScores(manager, rows.size(), vocab, curLen);
        }
        NDArray logits = model.nextTokenLogits(state, rows.stream().mapToLong(s -> s[s.length - 1]).toArray());
        return processing.applyToLogProbs(logits.logSoftmax(1), rows);
    }

    private List<long[]> advance(List<long[]> rows, List<Candidate> next) {
        List<long[]> out = new ArrayList<>(next.size());
        for (Candidate c : next) {
            out.add(GreedySearch.append(rows.get(c.sourceRow()), c.token()));
        }
        return out;
    }

    /** At the end, inputs not done yet offer their running beams as hypotheses (HF's {@code finalize}). */
    private void addRunningBeams(BeamHypotheses[] finished, List<Integer> active, List<long[]> rows,
                                 List<Candidate> scores) {
        for (int a = 0; a < active.size(); a++) {
            for (int b = 0; b < beams; b++) {
                int row = a * beams + b;
                finished[active.get(a)].add(rows.get(row), scores.get(row).score(), rows.get(row).length - 1);
            }
        }
    }

    /** Best hypotheses per input; eos is appended to those that stopped before max_length, as HF does. */
    private List<List<Hypothesis>> results(BeamHypotheses[] finished, int maxLength) {
        List<List<Hypothesis>> out = new ArrayList<>();
        for (BeamHypotheses hyps : finished) {
            List<Hypothesis> best = new ArrayList<>();
            for (Hypothesis h : hyps.best(config.numReturnSequences())) {
                long[] ids = h.ids().length < maxLength
                        ? GreedySearch.append(h.ids(), config.eosTokenIds()[0])
                        : Arrays.copyOf(h.ids(), h.ids().length);
                best.add(new Hypothesis(ids, h.score()));
            }
            out.add(best);
        }
        return out;
    }
}
