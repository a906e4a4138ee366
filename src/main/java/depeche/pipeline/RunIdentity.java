package depeche.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.document.Article;
import depeche.document.Block;
import depeche.document.ModelInfo;
import depeche.document.RunInfo;
import depeche.inference.LoadedModel;
import depeche.summarize.Summarizer;
import depeche.translate.Translator;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What makes a run's outputs what they are, besides the articles: depeche's version, the models (with their
 * weights' sha256) and the settings that change translations and summaries. Recorded in every output and the
 * run report, and part of each article's fingerprint, so that changing any of it redoes the articles.
 *
 * @param settings in the order the outputs show them
 */
public record RunIdentity(String toolVersion, List<ModelInfo> models, Map<String, String> settings) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public RunIdentity {
        models = List.copyOf(models);
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** The identity of a run with these models and settings. */
    static RunIdentity of(String toolVersion, Translator translator, Optional<Summarizer> summarizer) {
        Stream<LoadedModel> models = Stream.concat(Stream.of(translator.model()),
                summarizer.stream().flatMap(s -> s.models().stream()));
        Map<String, String> recorded = new LinkedHashMap<>(translator.settings());
        recorded.put("summarizer", summarizer.map(Summarizer::label).orElse("none"));
        summarizer.ifPresent(s -> recorded.putAll(s.settings()));
        return new RunIdentity(toolVersion, models.map(LoadedModel::identity).toList(), recorded);
    }

    /** How a document of this run was made, with its article's timings. */
    RunInfo runInfo(Map<String, Duration> timings) {
        return new RunInfo(toolVersion, models, settings, timings);
    }

    /**
     * The sha256 of the article's content and of this identity: equal fingerprints mean the same outputs, so
     * an article whose fingerprint is unchanged since the last run need not be redone.
     */
    public String fingerprint(Article article) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("tool", toolVersion);
        identity.put("title", article.title());
        identity.put("paragraphs", article.paragraphs());
        if (!article.blocks().stream().allMatch(Block.Prose.class::isInstance)) {
            // Which paragraphs are code or tables changes the outputs; an all-prose article keeps its fingerprint.
            identity.put("blocks", article.blocks().stream().map(block -> List.of(block.getClass().getSimpleName(),
                    block)).toList());
        }
        identity.put("url", article.url().orElse(null));
        identity.put("date", article.date().orElse(null));
        identity.put("models", models);
        identity.put("settings", settings);
        try {
            byte[] canonical = JSON.writeValueAsBytes(identity);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
