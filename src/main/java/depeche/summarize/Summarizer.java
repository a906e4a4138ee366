package depeche.summarize;

import depeche.document.AlignedParagraph;
import depeche.document.Outcome;
import depeche.document.Summary;
import depeche.inference.LoadedModel;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/** Writes a short English summary of translated articles. */
public interface Summarizer {

    /** How the outputs and the run report name this kind of summary, e.g. {@code abstractive}. */
    String label();

    /** The settings that change the summaries, as the run report records them (part of each article's fingerprint). */
    Map<String, String> settings();

    /** The models it runs (none for a summary made without a model). */
    List<LoadedModel> models();

    /**
     * Summarizes many translated article bodies at once, so that model inputs share batches.
     *
     * @param bodies   each article's paragraphs, aligned sentence by sentence
     * @param progress told how many model inputs each finished batch completed
     * @return one outcome per body, in order: its summary, or why there is none
     */
    List<Outcome<Summary>> summarizeAll(List<List<AlignedParagraph>> bodies, IntConsumer progress);
}
