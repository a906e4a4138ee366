package depeche.pipeline;

import depeche.document.Article;
import depeche.document.BilingualDocument;
import depeche.document.Outcome;
import depeche.inference.LoadedModel;
import depeche.memory.TranslationMemory;
import depeche.quality.QualityChecks;
import depeche.summarize.Summarizer;
import depeche.translate.Translator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Articles in, bilingual documents out: the stages between reading and writing ({@link PlanStage plan} →
 * {@link TranslateStage translate} → {@link CheckStage check} → {@link SummarizeStage summarize}), and the document
 * put together. The
 * batch job and the Spark job both run articles through this one class, chunk by chunk; what they read from and
 * write to differs, the work does not.
 */
public final class ArticleProcessor {
    private final Translator translator;
    private final Optional<Summarizer> summarizer;
    private final RunIdentity identity;
    private final PlanStage plan;
    private final TranslateStage translate;
    private final CheckStage check;
    private final SummarizeStage summarize;

    /**
     * @param summarizer empty when no summaries are wanted
     * @param progress   told how many model inputs each finished translation batch completed
     */
    public ArticleProcessor(Translator translator, Optional<Summarizer> summarizer, String toolVersion,
                            IntConsumer progress) {
        this(translator, summarizer, QualityChecks.standard(), toolVersion, progress);
    }

    /**
     * @param summarizer empty when no summaries are wanted
     * @param checks     the quality checks every sentence goes through (their settings join the run's identity)
     * @param progress   told how many model inputs each finished translation batch completed
     */
    public ArticleProcessor(Translator translator, Optional<Summarizer> summarizer, QualityChecks checks,
                            String toolVersion, IntConsumer progress) {
        this.translator = translator;
        this.summarizer = summarizer;
        RunIdentity models = RunIdentity.of(toolVersion, translator, summarizer);
        Map<String, String> settings = new LinkedHashMap<>(models.settings());
        settings.putAll(checks.settings());
        this.identity = new RunIdentity(toolVersion, models.models(), settings);
        this.plan = new PlanStage(translator.planner());
        this.translate = new TranslateStage(translator, progress);
        this.check = new CheckStage(checks);
        this.summarize = new SummarizeStage(summarizer);
    }

    /** Depeche's version, the models and the settings that make the outputs what they are. */
    public RunIdentity identity() {
        return identity;
    }

    /** What the model must translate of the article (for progress before the work starts). */
    public ArticlePlan plan(Article article) {
        return plan.plan(article);
    }

    /**
     * Translates and summarizes the planned articles together and puts each one's document together; one result
     * per plan, in order. Should a stage fail unforeseen (any {@link ArticleFaults fault}, a stack overflow
     * included), the articles are done again one by one, so that only the article at fault fails.
     */
    public List<ProcessedArticle> process(List<ArticlePlan> plans) {
        Outcome<List<ProcessedArticle>> together = ArticleFaults.attempt(() ->
                summarize.summarize(check.check(translate.translate(plans))).stream().map(this::composeOrFail)
                        .toList());
        if (together.value().isPresent()) {
            return together.value().get();
        }
        if (plans.size() > 1) {
            return plans.stream().flatMap(p -> process(List.of(p)).stream()).toList();
        }
        return List.of(ProcessedArticle.failed(plans.get(0), "processing failed: " + together.error().orElseThrow(),
                Map.of(), Optional.empty()));
    }

    /**
     * How many model inputs translating the planned articles takes now (for progress): sentences the translation
     * memory holds, and repeats of a sentence, need none.
     */
    public int modelInputCount(List<ArticlePlan> plans) {
        return translator.modelInputCount(plans.stream().flatMap(p -> p.paragraphs().stream()).toList());
    }

    /** The translation memory the translator uses ({@link TranslationMemory#none()} when off). */
    public TranslationMemory memory() {
        return translator.memory();
    }

    /** What loading the models found to warn about (config keys depeche ignores, say), model by model. */
    public List<String> modelWarnings() {
        return models().flatMap(model -> model.warnings().stream()).toList();
    }

    private Stream<LoadedModel> models() {
        return Stream.concat(Stream.of(translator.model()), summarizer.stream().flatMap(s -> s.models().stream()));
    }

    /** The article's document; should putting it together fail, only this article fails. */
    private ProcessedArticle composeOrFail(SummarizedArticle summarized) {
        Outcome<ProcessedArticle> composed = ArticleFaults.attempt(() -> compose(summarized));
        return composed.value().orElseGet(() -> ProcessedArticle.failed(summarized.translated().plan(),
                "putting the document together failed: " + composed.error().orElseThrow(), Map.of(),
                summarized.translated().memory()));
    }

    private ProcessedArticle compose(SummarizedArticle summarized) {
        TranslatedArticle translated = summarized.translated();
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("translation", translated.seconds());
        if (summarized.seconds() > 0) {
            seconds.put("summary", summarized.seconds());
        }
        Outcome<ArticlePlan.Translation> translation = translated.translation();
        if (translation.error().isPresent()) {
            return ProcessedArticle.failed(translated.plan(), translation.error().get(), seconds,
                    translated.memory());
        }
        ArticlePlan.Translation english = translation.value().orElseThrow();
        List<String> warnings = new ArrayList<>(english.warnings());
        warnings.addAll(summarized.warnings());
        Map<String, Duration> timings = new LinkedHashMap<>();
        seconds.forEach((step, s) -> timings.put(step, Duration.ofNanos((long) (s * 1e9))));
        BilingualDocument document = new BilingualDocument(translated.plan().article(), english.title(),
                english.body(), summarized.summary(), identity.runInfo(timings), warnings);
        return new ProcessedArticle(translated.plan(), Outcome.success(document), seconds, warnings,
                translated.memory());
    }
}
