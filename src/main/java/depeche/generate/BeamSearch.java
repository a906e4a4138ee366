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
import java.util.Comparator;
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

    /**
     * A candidate of one step: the slot (row) it continues, the token it adds, its accumulated score, and its index
     * in HF's flattened [beams × vocab] scores of its input, which breaks ties between equal scores.
     */
    private record Candidate(int sourceRow, long token, float score, long hfIndex) {
    }

    private static final Comparator<Candidate> HF_ORDER = Comparator
            .comparingDouble((Candidate c) -> -c.score()).thenComparingLong(Candidate::hfIndex);

    /**
     * The beams of all active inputs, {@code beams} rows per input in input order. Within an input, beam b (HF's
     * order: the b-th best of the last step) lives in a slot (row) of its own choosing, so that a beam that
     * continues its own row keeps its cache in place and only a beam that takes over an ended one's slot copies.
     *
     * @param rows        each slot's tokens so far
     * @param scores      each slot's accumulated score
     * @param beamOfSlot  HF's beam index of the beam in each slot
     */
    private record Beams(List<long[]> rows, float[] scores, int[] beamOfSlot) {
    }

    List<List<Hypothesis>> run(int inputs) {
        int maxLength = config.effectiveMaxLength();
        int candidatesPerInput = Math.max(2, 1 + config.eosTokenIds().length) * beams;
        BeamHypotheses[] finished = new BeamHypotheses[inputs];
        List<Integer> active = new ArrayList<>();
        List<long[]> startRows = new ArrayList<>();
        float[] startScores = new float[inputs * beams];
        int[] startSlots = new int[inputs * beams];
        for (int i = 0; i < inputs; i++) {
            finished[i] = new BeamHypotheses(config);
            active.add(i);
            for (int b = 0; b < beams; b++) {
                startRows.add(new long[] {config.decoderStartTokenId()});
                startScores[i * beams + b] = b == 0 ? 0f : -1e9f; // only beam 0 starts live
                startSlots[i * beams + b] = b;
            }
        }
        Beams current = new Beams(startRows, startScores, startSlots);
        int length = 1;
        while (true) {
            List<long[]> rows = current.rows();
            float[] topScores;
            long[] topIndices;
            try (NDScope ignored = new NDScope()) {
                LogitsProcessing.Processed processed = scores(rows);
                float[] running = current.scores().clone();
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
            List<Candidate> next = new ArrayList<>(); // per kept input, its beams in HF's order
            for (int a = 0; a < active.size(); a++) {
                int input = active.get(a);
                List<Candidate> ranked = new ArrayList<>(candidatesPerInput);
                for (int rank = 0; rank < candidatesPerInput; rank++) {
                    int at = a * candidatesPerInput + rank;
                    int sourceRow = a * beams + (int) (topIndices[at] / vocab);
                    long token = topIndices[at] % vocab;
                    ranked.add(new Candidate(sourceRow, token, topScores[at],
                            (long) current.beamOfSlot()[sourceRow] * vocab + token));
                }
                ranked.sort(HF_ORDER);
                List<Candidate> chosen = new ArrayList<>(beams);
                for (int rank = 0; rank < ranked.size() && chosen.size() < beams; rank++) {
                    Candidate c = ranked.get(rank);
                    if (LogitsProcessing.contains(config.eosTokenIds(), c.token())) {
                        if (rank < beams) {
                            finished[input].add(rows.get(c.sourceRow()), c.score(), length - 1);
                        }
                    } else {
                        chosen.add(c);
                    }
                }
                if (chosen.size() < beams) {
                    throw new IllegalStateException("beam search found fewer than " + beams + " live candidates");
                }
                if (!finished[input].isDone(ranked.get(0).score(), length)) {
                    stillActive.add(input);
                    keptInputs.add((long) a);
                    next.addAll(chosen);
                }
            }
            if (length >= maxLength || stillActive.isEmpty()) {
                addRunningBeams(finished, stillActive, advance(rows, next), next);
                break;
            }
            current = place(current, keptInputs, next);
            if (stillActive.size() < active.size()) {
                long[] keptRows = new long[stillActive.size() * beams];
                for (int k = 0; k < stillActive.size(); k++) {
                    for (int b = 0; b < beams; b++) {
                        keptRows[k * beams + b] = keptInputs.get(k) * beams + b;
                    }
                }
                state.select(keptRows, keptInputs.stream().mapToLong(Long::longValue).toArray());
                current = compact(current, keptRows);
            }
            active = stillActive;
        }
        return results(finished, maxLength);
    }

    /**
     * Puts each kept input's new beams into its slots: a beam whose source slot no earlier beam took stays there
     * (its cache is already in place); the others go to the slots of beams that ended, and their source rows are
     * copied there. No slot that is copied to is a source (every source slot is taken by its first beam), so the
     * copies can be made in place. Slots of inputs that are done keep their old contents until {@link #compact}.
     */
    private Beams place(Beams old, List<Long> keptInputs, List<Candidate> next) {
        List<long[]> rows = new ArrayList<>(old.rows());
        float[] scores = old.scores().clone();
        int[] beamOfSlot = old.beamOfSlot().clone();
        List<Long> destinations = new ArrayList<>();
        List<Long> sources = new ArrayList<>();
        for (int k = 0; k < keptInputs.size(); k++) {
            int first = (int) (long) keptInputs.get(k) * beams;
            List<Candidate> chosen = next.subList(k * beams, (k + 1) * beams);
            boolean[] taken = new boolean[beams];
            int[] slotOf = new int[beams];
            Arrays.fill(slotOf, -1);
            for (int b = 0; b < beams; b++) {
                int own = chosen.get(b).sourceRow() - first;
                if (!taken[own]) {
                    taken[own] = true;
                    slotOf[b] = own;
                }
            }
            int free = 0;
            for (int b = 0; b < beams; b++) {
                if (slotOf[b] < 0) {
                    while (taken[free]) {
                        free++;
                    }
                    taken[free] = true;
                    slotOf[b] = free;
                    destinations.add((long) first + free);
                    sources.add((long) chosen.get(b).sourceRow());
                }
            }
            for (int b = 0; b < beams; b++) {
                Candidate c = chosen.get(b);
                int slot = first + slotOf[b];
                rows.set(slot, GreedySearch.append(old.rows().get(c.sourceRow()), c.token()));
                scores[slot] = c.score();
                beamOfSlot[slot] = b;
            }
        }
        state.copyRows(destinations.stream().mapToLong(Long::longValue).toArray(),
                sources.stream().mapToLong(Long::longValue).toArray());
        return new Beams(rows, scores, beamOfSlot);
    }

    /** The beams of the given slots only, in that order (inputs that are done leave the batch). */
    private static Beams compact(Beams beams, long[] keptRows) {
        List<long[]> rows = new ArrayList<>(keptRows.length);
        float[] scores = new float[keptRows.length];
        int[] beamOfSlot = new int[keptRows.length];
        for (int i = 0; i < keptRows.length; i++) {
            int from = (int) keptRows[i];
            rows.add(beams.rows().get(from));
            scores[i] = beams.scores()[from];
            beamOfSlot[i] = beams.beamOfSlot()[from];
        }
        return new Beams(rows, scores, beamOfSlot);
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
