package depeche.spark;

import depeche.cli.Main;
import depeche.hub.HubEnvironment;
import depeche.hub.ModelResolver;
import depeche.hub.Role;
import depeche.inference.Batcher;
import depeche.inference.LoadedModel;
import depeche.model.TorchRuntime;
import depeche.pipeline.ArticleProcessor;
import depeche.quality.QualityChecks;
import depeche.translate.Translator;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The models of this JVM (a Spark executor, or the driver in local mode): each model folder loaded once, by the
 * first task that needs it, then shared by every task the JVM runs, at the same time or later; and one article
 * processor per {@link ModelSettings}. Loading a real model takes seconds (reading and checking its weights), so
 * it must never happen per partition or per row. The network and tokenizer of a {@link LoadedModel} may be
 * shared by threads, and a processor keeps no state between calls. The models live as long as the JVM.
 */
final class ExecutorModels {
    private static final String THREADS = "ai.djl.pytorch.num_threads";
    private static final ConcurrentMap<ModelSettings, ArticleProcessor> PROCESSORS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<Path, LoadedModel> MODELS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<Path, AtomicInteger> LOADS = new ConcurrentHashMap<>();

    private ExecutorModels() {
    }

    /**
     * The processor for {@code settings}, its models loaded on first use; tasks asking at the same time wait for
     * the one load.
     *
     * @param threads the threads PyTorch may use per task here ({@code spark.task.cpus})
     * @throws depeche.folder.ModelException when a model folder is missing or unusable
     */
    static ArticleProcessor processor(ModelSettings settings, int threads) {
        return PROCESSORS.computeIfAbsent(settings, s -> {
            useThreads(threads);
            return load(s);
        });
    }

    /** How many times each model folder (by absolute path) was loaded in this JVM. */
    static Map<String, Integer> loads() {
        Map<String, Integer> loads = new TreeMap<>();
        LOADS.forEach((folder, count) -> loads.put(folder.toString(), count.get()));
        return loads;
    }

    /**
     * Gives PyTorch {@code threads} intra-op threads ({@code spark.task.cpus}), before the first model of the JVM
     * loads: with {@code spark.executor.cores / spark.task.cpus} tasks at once, an executor then uses its cores, no
     * more. A value set in the executors' Java options ({@code -Dai.djl.pytorch.num_threads=N}) wins.
     */
    static void useThreads(int threads) {
        TorchRuntime.useThreads(Integer.getInteger(THREADS, threads));
    }

    /** The processor {@code depeche run} builds from the same options. */
    private static ArticleProcessor load(ModelSettings settings) {
        System.setProperty("ai.djl.offline", "true"); // the native library is in the jar: never download it
        // Executors never fetch: a missing default model is an error naming the folder, as run --offline says.
        ModelResolver resolver = ModelResolver.forCommandLine(Path.of(settings.modelsDir()),
                HubEnvironment.from(System::getenv), true);
        LoadedModel translation = model(resolver.resolve(Role.TRANSLATION, path(settings.translationModel())));
        Translator translator = new Translator(translation, settings.translation().applyTo(translation.generationDefaults()),
                Batcher.forGeneration(), settings.maxSentenceTokens());
        QualityChecks checks = new QualityChecks(settings.minConfidence() == null ? OptionalDouble.empty()
                : OptionalDouble.of(settings.minConfidence()));
        return new ArticleProcessor(translator, settings.summary().summarizer(resolver, path(settings.summaryModel()), ExecutorModels::model), checks, Main.VERSION, done -> { });
    }

    /** The model of {@code folder}, loaded on first use; every processor of the JVM shares it. */
    private static LoadedModel model(Path folder) {
        return MODELS.computeIfAbsent(folder.toAbsolutePath().normalize(), absolute -> {
            LoadedModel model = LoadedModel.load(folder); // as given: its warnings name the files as the user does
            LOADS.computeIfAbsent(absolute, f -> new AtomicInteger()).incrementAndGet();
            return model;
        });
    }

    private static Path path(String folder) {
        return folder == null ? null : Path.of(folder);
    }
}
