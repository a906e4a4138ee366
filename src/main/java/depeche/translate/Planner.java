package depeche.translate;

import depeche.document.Block;
import depeche.inference.LoadedModel;
import depeche.text.ClauseSplitter;
import depeche.text.SentenceSegmenter;
import java.util.List;

/**
 * Cuts French paragraphs into what the translation model takes: sentences, and clause parts of the sentences
 * too long for it. Nothing is dropped: the plan holds every character of the text.
 */
public final class Planner {
    private final SentenceSegmenter segmenter = new SentenceSegmenter();
    private final ClauseSplitter splitter;

    /**
     * @param maxSentenceTokens the longest input given to the model at once, special tokens included; capped at
     *                          what the model accepts
     */
    public Planner(LoadedModel model, int maxSentenceTokens) {
        this.splitter = new ClauseSplitter(Math.min(maxSentenceTokens, model.maxInputTokens()), model::countTokens);
    }

    /** The plan of one paragraph; a blank paragraph has no sentences. */
    public ParagraphPlan plan(String paragraph) {
        return new ParagraphPlan(segmenter.split(paragraph).stream()
                .map(sentence -> new SentencePlan(splitter.split(sentence))).toList());
    }

    /**
     * The plan of one block of an article: a prose paragraph's sentences; a table's cells with text, row by row,
     * each one sentence (cut into clause parts only when too long for the model); nothing for code, which is
     * never translated.
     */
    public ParagraphPlan plan(Block block) {
        if (block instanceof Block.Prose prose) {
            return plan(prose.text());
        }
        if (block instanceof Block.Table table) {
            return new ParagraphPlan(table.cells().stream().map(cell -> new SentencePlan(splitter.split(cell))).toList());
        }
        return new ParagraphPlan(List.of());
    }

    /** The plans of an article's blocks, in order. */
    public List<ParagraphPlan> planBlocks(List<Block> blocks) {
        return blocks.stream().map(this::plan).toList();
    }

    /** The plans of paragraphs, in order. */
    public List<ParagraphPlan> plan(List<String> paragraphs) {
        return paragraphs.stream().map(this::plan).toList();
    }
}
