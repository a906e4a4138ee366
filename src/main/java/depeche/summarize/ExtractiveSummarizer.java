package depeche.summarize;

import depeche.document.AlignedParagraph;
import depeche.document.Outcome;
import depeche.document.SentencePair;
import depeche.document.Summary;
import depeche.inference.LoadedModel;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * An extractive summary by TextRank (Mihalcea and Tarau, 2004): sentences are the nodes of a
 * graph whose edges weigh how many content words two sentences share, normalised by their
 * lengths; PageRank over that graph finds the sentences the others most relate to. The best ones
 * are returned in article order, each with its translation, so the summary is bilingual.
 *
 * <p>Deterministic: the same sentences always give the same summary; equal scores favour the
 * earlier sentence, as news puts the essential first. Instances are immutable and thread-safe.
 */
public final class ExtractiveSummarizer implements Summarizer {

    /** How many sentences a summary has unless told otherwise. */
    public static final int DEFAULT_SENTENCE_COUNT = 3;

    private static final double DAMPING = 0.85;
    private static final double CONVERGED = 1e-9;
    private static final int MAX_ITERATIONS = 200;

    private final int sentenceCount;

    public ExtractiveSummarizer() {
        this(DEFAULT_SENTENCE_COUNT);
    }

    public ExtractiveSummarizer(int sentenceCount) {
        if (sentenceCount < 1) {
            throw new IllegalArgumentException("a summary has at least one sentence: " + sentenceCount);
        }
        this.sentenceCount = sentenceCount;
    }

    @Override
    public String label() {
        return "extractive";
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("summary_sentences", Integer.toString(sentenceCount));
    }

    @Override
    public List<LoadedModel> models() {
        return List.of();
    }

    @Override
    public List<Outcome<Summary>> summarizeAll(List<List<AlignedParagraph>> bodies, IntConsumer progress) {
        return bodies.stream().map(body -> {
            List<SentencePair> sentences = body.stream().flatMap(p -> p.sentences().stream())
                    .filter(s -> !s.target().isBlank()).toList();
            return sentences.isEmpty()
                    ? Outcome.<Summary>failure("no sentence has an English translation to pick")
                    : Outcome.success(Summary.extractive(select(sentences)));
        }).toList();
    }

    /** The summary of a translated article body. */
    public Summary summarize(List<AlignedParagraph> paragraphs) {
        return Summary.extractive(select(paragraphs.stream().flatMap(p -> p.sentences().stream()).toList()));
    }

    /** The most central of {@code sentences} (all of them when there are few), in their original order. */
    public List<SentencePair> select(List<SentencePair> sentences) {
        double[] scores = textRank(sentences.stream().map(s -> ContentWords.of(s.source())).toList());
        return IntStream.range(0, sentences.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparing(i -> i))
                .limit(sentenceCount)
                .sorted()
                .map(sentences::get)
                .toList();
    }

    private static double[] textRank(List<Set<String>> words) {
        int n = words.size();
        double[][] weight = new double[n][n];
        double[] outWeight = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                weight[i][j] = weight[j][i] = similarity(words.get(i), words.get(j));
                outWeight[i] += weight[i][j];
                outWeight[j] += weight[i][j];
            }
        }
        double[] score = new double[n];
        Arrays.fill(score, 1.0 / n);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] next = new double[n];
            double change = 0;
            for (int i = 0; i < n; i++) {
                double incoming = 0;
                for (int j = 0; j < n; j++) {
                    if (weight[j][i] > 0) {
                        incoming += weight[j][i] / outWeight[j] * score[j];
                    }
                }
                next[i] = (1 - DAMPING) / n + DAMPING * incoming;
                change += Math.abs(next[i] - score[i]);
            }
            score = next;
            if (change < CONVERGED) {
                break;
            }
        }
        return score;
    }

    /** Shared words over the log of the lengths, as in TextRank; log(1 + n) keeps one-word sentences defined. */
    private static double similarity(Set<String> a, Set<String> b) {
        long shared = a.stream().filter(b::contains).count();
        return shared == 0 ? 0 : shared / (Math.log1p(a.size()) + Math.log1p(b.size()));
    }
}
