package depeche.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.document.AlignedParagraph;
import depeche.document.Article;
import depeche.document.BilingualDocument;
import depeche.document.ModelInfo;
import depeche.document.RunInfo;
import depeche.document.SentencePair;
import depeche.document.Summary;
import depeche.io.ArticleReadException;
import depeche.io.ArticleReaders;
import depeche.io.Format;
import depeche.io.OutputFolder;
import depeche.io.ReadResult;
import depeche.text.OneLine;
import depeche.pipeline.RunReport.ArticleReport;
import depeche.pipeline.RunReport.Status;
import depeche.summarize.ExtractiveSummarizer;
import depeche.text.ClauseSplit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The nightly job: every article of the input folder, translated and summarized, written as bilingual files.
 * Sentences of many articles share length-sorted batches; an article that fails never stops the others; an
 * article whose input, models and settings are unchanged since the last run is skipped; a lock keeps two runs
 * out of one output folder; {@code run-report.json} accounts for every article.
 */
public final class BatchJob {
    /** Articles translated together: enough for well-filled batches, few enough to write results steadily. */
    static final int ARTICLES_PER_CHUNK = 32;

    /**
     * What the job reads, writes and how.
     *
     * @param maxSentenceTokens longer sentences are split at clause boundaries
     * @param force             redo articles even when unchanged
     */
    public record Settings(Path input, Path output, Set<Format> formats, int maxSentenceTokens, boolean force,
                           String toolVersion) {
    }

    private final Settings settings;
    private final LoadedModel translationModel;
    private final SentenceTranslator translator;
    private final Summaries summaries;
    private final List<ModelInfo> models;
    private final Map<String, String> runSettings;
    private final Progress progress;

    public BatchJob(Settings settings, LoadedModel translationModel,
                    depeche.generate.GenerationConfig translationConfig, Summaries summaries, Progress progress) {
        this.settings = settings;
        this.translationModel = translationModel;
        this.translator = new SentenceTranslator(translationModel, translationConfig, Batcher.forGeneration(),
                settings.maxSentenceTokens());
        this.summaries = summaries;
        this.progress = progress;
        this.models = new ArrayList<>(List.of(ModelIdentity.of(translationModel)));
        if (summaries instanceof Summaries.Abstractive a) {
            models.add(ModelIdentity.of(a.summarizer().model()));
        }
        this.runSettings = new LinkedHashMap<>();
        runSettings.put("beams", Integer.toString(translationConfig.numBeams()));
        runSettings.put("max_length", Integer.toString(translationConfig.effectiveMaxLength()));
        runSettings.put("max_sentence_tokens", Integer.toString(settings.maxSentenceTokens()));
        runSettings.put("summarizer", summaries.label());
        if (summaries instanceof Summaries.Extractive e) {
            runSettings.put("summary_sentences", Integer.toString(e.sentences()));
        }
    }

    /** An article read and planned, waiting for translation. */
    private record Work(int slot, Article article, String fingerprint, List<ClauseSplit> title,
                        List<List<ClauseSplit>> paragraphs) {
        List<ClauseSplit> all() {
            List<ClauseSplit> all = new ArrayList<>(title);
            paragraphs.forEach(all::addAll);
            return all;
        }

        int inputs() {
            return all().stream().mapToInt(s -> s.parts().size()).sum();
        }

        int tokens() {
            return all().stream().mapToInt(ClauseSplit::sentenceTokens).sum();
        }
    }

    /** Runs the job; the report is also written to the output folder. */
    public RunReport run() throws IOException {
        Instant started = Instant.now();
        try (OutputLock ignored = OutputLock.acquire(settings.output())) {
            RunState state = RunState.load(settings.output());
            OutputFolder folder = new OutputFolder(settings.output(), settings.formats());
            List<ArticleReport> reports = new ArrayList<>();
            List<Work> work = readAll(state, folder, reports);
            // Progress counts model inputs: sentences, or the parts of those too long for the model.
            progress.start("translating", work.stream().mapToInt(Work::inputs).sum(), "segments");
            for (int from = 0; from < work.size(); from += ARTICLES_PER_CHUNK) {
                List<Work> chunk = work.subList(from, Math.min(work.size(), from + ARTICLES_PER_CHUNK));
                for (Map.Entry<Integer, ArticleReport> done : translateChunkSafely(chunk, folder, state).entrySet()) {
                    reports.set(done.getKey(), done.getValue());
                }
            }
            progress.close();
            if (settings.formats().contains(Format.HTML)) {
                folder.writeIndex();
            }
            Instant finished = Instant.now();
            RunReport report = new RunReport("depeche-run-report/1", settings.toolVersion(), started.toString(),
                    finished.toString(), seconds(Duration.between(started, finished)), settings.input().toString(),
                    settings.output().toString(), models, runSettings, RunReport.Counts.of(reports), reports);
            report.write(settings.output());
            return report;
        }
    }

    /** Reads every article file; unreadable ones, duplicates and unchanged articles get their report now. */
    private List<Work> readAll(RunState state, OutputFolder folder, List<ArticleReport> reports) throws IOException {
        List<Work> work = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path file : ArticleReaders.listArticleFiles(settings.input())) {
            ReadResult read;
            try {
                read = ArticleReaders.read(file);
            } catch (ArticleReadException e) {
                reports.add(failed(stem(file), file.toString(), e.getMessage()));
                progress.note("depeche: " + e.getMessage());
                continue;
            }
            for (ArticleReadException e : read.errors()) {
                reports.add(failed(stem(file), file + e.line().stream().mapToObj(l -> ":" + l).findFirst().orElse(""),
                        e.getMessage()));
                progress.note("depeche: " + e.getMessage());
            }
            for (Article article : read.articles()) {
                String previous = seen.putIfAbsent(article.id(), article.source().toString());
                if (previous != null) {
                    String error = article.source() + ": article id '" + article.id() + "' is already used by "
                            + previous + "; its output would overwrite that article's";
                    reports.add(failed(article.id(), article.source().toString(), error));
                    progress.note("depeche: " + error);
                    continue;
                }
                String fingerprint = fingerprint(article);
                if (!settings.force() && state.fingerprint(article.id()).filter(fingerprint::equals).isPresent()
                        && settings.formats().stream().allMatch(f -> Files.exists(folder.pathOf(article.id(), f)))) {
                    reports.add(new ArticleReport(article.id(), article.source().toString(), Status.SKIPPED,
                            article.paragraphs().size(), 0, 0, List.of(), Map.of(),
                            List.of("unchanged since the last run (--force redoes it)"), List.of()));
                    continue;
                }
                reports.add(null); // filled in when translated
                work.add(plan(reports.size() - 1, article, fingerprint));
            }
        }
        return work;
    }

    private Work plan(int slot, Article article, String fingerprint) {
        List<ClauseSplit> title = translator.plan(translator.sentencesOf(article.title()));
        List<List<ClauseSplit>> paragraphs = article.paragraphs().stream()
                .map(p -> translator.plan(translator.sentencesOf(p))).toList();
        return new Work(slot, article, fingerprint, title, paragraphs);
    }

    /** Like {@link #translateChunk}, but an unforeseen failure fails the chunk's articles, not the run. */
    private Map<Integer, ArticleReport> translateChunkSafely(List<Work> chunk, OutputFolder folder, RunState state) {
        try {
            return translateChunk(chunk, folder, state);
        } catch (RuntimeException e) {
            String error = "processing failed: " + OneLine.of(e);
            progress.note("depeche: " + error);
            Map<Integer, ArticleReport> reports = new LinkedHashMap<>();
            chunk.forEach(w -> reports.put(w.slot(), report(w, Status.FAILED, List.of(), Map.of(), List.of(),
                    List.of(error))));
            return reports;
        }
    }

    /** Translates, summarizes and writes a chunk of articles; returns their reports by slot. */
    private Map<Integer, ArticleReport> translateChunk(List<Work> chunk, OutputFolder folder, RunState state) {
        List<ClauseSplit> plans = new ArrayList<>();
        chunk.forEach(w -> plans.addAll(w.all()));
        long start = System.nanoTime();
        List<TranslatedSentence> translated = translator.translate(plans, progress::step);
        double translationSeconds = (System.nanoTime() - start) / 1e9;
        int chunkTokens = Math.max(1, chunk.stream().mapToInt(Work::tokens).sum());

        Map<Integer, ArticleReport> reports = new LinkedHashMap<>();
        List<Drafted> drafts = new ArrayList<>();
        int next = 0;
        for (Work w : chunk) {
            List<TranslatedSentence> mine = translated.subList(next, next + w.all().size());
            next += w.all().size();
            Map<String, Double> seconds = new LinkedHashMap<>();
            seconds.put("translation", translationSeconds * w.tokens() / chunkTokens);
            List<String> errors = errorsOf(w, mine);
            if (!errors.isEmpty()) {
                reports.put(w.slot(), report(w, Status.FAILED, List.of(), seconds, List.of(), errors));
                errors.forEach(e -> progress.note("depeche: " + w.article().source() + ": " + e));
            } else {
                drafts.add(new Drafted(w, mine, seconds));
            }
        }
        summarize(drafts);
        for (Drafted d : drafts) {
            reports.put(d.work.slot(), write(d, folder, state));
        }
        return reports;
    }

    /** A translated article on its way to its files. */
    private static final class Drafted {
        final Work work;
        final String title;
        final List<AlignedParagraph> paragraphs;
        /** The English body, the summarization model's input. */
        final String english;
        final Map<String, Double> seconds;
        final List<String> warnings = new ArrayList<>();
        Optional<Summary> summary = Optional.empty();

        Drafted(Work work, List<TranslatedSentence> sentences, Map<String, Double> seconds) {
            this.work = work;
            this.seconds = seconds;
            int next = work.title().size();
            this.title = String.join(" ", sentences.subList(0, next).stream().map(s -> s.target().orElseThrow())
                    .toList());
            sentences.subList(0, next).forEach(s -> s.warnings().forEach(w -> warnings.add("headline: " + w)));
            List<AlignedParagraph> paragraphs = new ArrayList<>();
            for (List<ClauseSplit> paragraph : work.paragraphs()) {
                List<SentencePair> pairs = new ArrayList<>();
                for (TranslatedSentence s : sentences.subList(next, next + paragraph.size())) {
                    pairs.add(new SentencePair(s.source(), s.target().orElseThrow(), s.warnings()));
                }
                next += paragraph.size();
                paragraphs.add(new AlignedParagraph(pairs));
            }
            this.paragraphs = paragraphs;
            this.english = String.join(" ", paragraphs.stream().map(AlignedParagraph::target).toList());
        }
    }

    private void summarize(List<Drafted> drafts) {
        if (summaries instanceof Summaries.Extractive e) {
            ExtractiveSummarizer summarizer = new ExtractiveSummarizer(e.sentences());
            drafts.forEach(d -> d.summary = Optional.of(summarizer.summarize(d.paragraphs)));
        } else if (summaries instanceof Summaries.Abstractive a && !drafts.isEmpty()) {
            long start = System.nanoTime();
            List<AbstractiveSummarizer.Result> results = a.summarizer()
                    .summarize(drafts.stream().map(d -> d.english).toList(), done -> { });
            double seconds = (System.nanoTime() - start) / 1e9;
            int total = Math.max(1, drafts.stream().mapToInt(d -> d.english.length()).sum());
            for (int i = 0; i < drafts.size(); i++) {
                Drafted d = drafts.get(i);
                AbstractiveSummarizer.Result r = results.get(i);
                d.seconds.put("summary", seconds * d.english.length() / total);
                r.warnings().forEach(w -> d.warnings.add("summary: " + w));
                Optional<String> text = r.summary().map(String::strip).filter(s -> !s.isEmpty());
                if (text.isPresent()) {
                    d.summary = Optional.of(Summary.abstractive(text.get(), a.summarizer().modelName()));
                } else {
                    d.warnings.add("no summary: " + r.error().orElse("the summarization model produced no text"));
                }
            }
        }
    }

    private ArticleReport write(Drafted d, OutputFolder folder, RunState state) {
        Article article = d.work.article();
        try {
            long start = System.nanoTime();
            Map<String, Duration> timings = new LinkedHashMap<>();
            d.seconds.forEach((step, s) -> timings.put(step, Duration.ofNanos((long) (s * 1e9))));
            BilingualDocument document = new BilingualDocument(article, d.title, d.paragraphs, d.summary,
                    new RunInfo(settings.toolVersion(), models, runSettings, timings), d.warnings);
            List<Path> written = folder.write(document);
            state.record(article.id(), d.work.fingerprint());
            d.seconds.put("writing", (System.nanoTime() - start) / 1e9);
            return report(d.work, Status.TRANSLATED, written.stream().map(p -> p.getFileName().toString()).toList(),
                    d.seconds, document.allWarnings(), List.of());
        } catch (IOException | RuntimeException e) {
            String error = "writing the outputs failed: " + OneLine.of(e);
            progress.note("depeche: " + article.source() + ": " + error);
            return report(d.work, Status.FAILED, List.of(), d.seconds, d.warnings, List.of(error));
        }
    }

    private static List<String> errorsOf(Work w, List<TranslatedSentence> sentences) {
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            int index = i;
            sentences.get(i).error().ifPresent(e -> errors.add((index < w.title().size() ? "headline" : "sentence "
                    + (index - w.title().size() + 1)) + ": translation failed: " + e));
        }
        return errors;
    }

    private static ArticleReport report(Work w, Status status, List<String> outputs, Map<String, Double> seconds,
                                        List<String> warnings, List<String> errors) {
        List<ClauseSplit> all = w.all();
        return new ArticleReport(w.article().id(), w.article().source().toString(), status,
                w.article().paragraphs().size(), all.size(), (int) all.stream().filter(ClauseSplit::isSplit).count(),
                outputs, seconds, warnings, errors);
    }

    private static ArticleReport failed(String id, String source, String error) {
        return new ArticleReport(id, source, Status.FAILED, 0, 0, 0, List.of(), Map.of(), List.of(), List.of(error));
    }

    private String fingerprint(Article article) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("tool", settings.toolVersion());
        identity.put("title", article.title());
        identity.put("paragraphs", article.paragraphs());
        identity.put("url", article.url().orElse(null));
        identity.put("date", article.date().orElse(null));
        identity.put("models", models);
        identity.put("settings", runSettings);
        try {
            byte[] canonical = new ObjectMapper().writeValueAsBytes(identity);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
