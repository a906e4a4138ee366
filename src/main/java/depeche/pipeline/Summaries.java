package depeche.pipeline;

/** How the batch job summarizes articles. */
public sealed interface Summaries {
    /** No summary. */
    record None() implements Summaries {
    }

    /** A selection of the article's own sentences with their translations (TextRank). */
    record Extractive(int sentences) implements Summaries {
    }

    /** Written by a summarization model from the English translation. */
    record Abstractive(AbstractiveSummarizer summarizer) implements Summaries {
    }

    /** The name the outputs and the report give this choice. */
    default String label() {
        if (this instanceof Abstractive) {
            return "abstractive";
        }
        return this instanceof Extractive ? "extractive" : "none";
    }
}
