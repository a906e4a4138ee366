package depeche.spark;

import depeche.cli.GenerationOptions;
import depeche.cli.SummaryOptions;
import java.io.Serializable;

/**
 * What each executor needs to build the article processor {@code depeche run} builds: the model folders, which
 * summarizer, and the settings that change translations and summaries. It travels to the executors with the
 * tasks; equal settings share one processor, and so one copy of each model, per executor JVM.
 *
 * @param modelsDir        where the default models are looked for on the executor ({@code --models})
 * @param translationModel {@code --translation-model}, or null for the default model of {@code modelsDir}
 * @param summaryModel     {@code --summary-model}, or null for the default model of {@code modelsDir}
 * @param summary          {@code --summarizer} and {@code --summary-sentences}
 * @param translation      {@code --beams} and {@code --max-length} over the translation model's defaults
 * @param minConfidence    {@code --min-confidence}, or null
 */
record ModelSettings(String modelsDir, String translationModel, String summaryModel, SummaryOptions.Choice summary,
                     GenerationOptions.Overrides translation, int maxSentenceTokens, Double minConfidence)
        implements Serializable {
}
