package depeche.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.document.BilingualDocument;
import depeche.document.Outcome;
import depeche.folder.ModelException;
import depeche.model.TorchRuntime;
import depeche.pipeline.ArticleFaults;
import depeche.pipeline.ArticlePlan;
import depeche.pipeline.ArticleProcessor;
import depeche.pipeline.BatchJob;
import depeche.pipeline.ProcessedArticle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;

/**
 * One Spark task: a chunk of articles through the {@link ArticleProcessor} {@code depeche run} uses (plan →
 * translate → summarize), their files written as run's write stage writes them, and a result row for each.
 * Every article ends as a row, translated or failed: nothing an article does fails the task.
 */
final class ChunkTask implements FlatMapFunction<Iterator<Tuple2<Integer, InputEntry>>, ArticleResult> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelSettings models;
    private final ArticleOutput.Location output;
    private final Broadcast<SerializableConfiguration> conf;
    private final CollectionAccumulator<ExecutorReport> executors;

    ChunkTask(ModelSettings models, ArticleOutput.Location output, Broadcast<SerializableConfiguration> conf,
              CollectionAccumulator<ExecutorReport> executors) {
        this.models = models;
        this.output = output;
        this.conf = conf;
        this.executors = executors;
    }

    @Override
    public Iterator<ArticleResult> call(Iterator<Tuple2<Integer, InputEntry>> partition) throws IOException {
        List<InputEntry> entries = new ArrayList<>();
        partition.forEachRemaining(keyed -> entries.add(keyed._2()));
        if (entries.isEmpty()) {
            return List.<ArticleResult>of().iterator(); // loads no model
        }
        entries.sort(Comparator.comparingLong(InputEntry::position));
        ArticleProcessor processor;
        try {
            processor = ExecutorModels.processor(models, TaskContext.get().cpus());
        } catch (ModelException e) {
            throw new UnusableModelException(e.getMessage(), e); // fails the job: the setup is at fault
        }
        ArticleOutput files = output.open(conf.value().value());
        List<ArticleResult> results = new ArrayList<>();
        // A partition is one chunk (see Admission); cutting again only guards against being given more.
        for (int from = 0; from < entries.size(); from += BatchJob.ARTICLES_PER_CHUNK) {
            results.addAll(process(processor, files,
                    entries.subList(from, Math.min(entries.size(), from + BatchJob.ARTICLES_PER_CHUNK))));
        }
        executors.add(new ExecutorReport(SparkEnv.get().executorId(), JSON.writeValueAsString(processor.identity()),
                processor.modelWarnings(), ExecutorModels.loads(), TorchRuntime.threads()));
        return results.iterator();
    }

    private static List<ArticleResult> process(ArticleProcessor processor, ArticleOutput files,
                                               List<InputEntry> chunk) {
        List<ArticleResult> results = new ArrayList<>();
        List<ArticlePlan> plans = new ArrayList<>();
        Map<String, Long> positions = new HashMap<>(); // ids are unique once admitted
        for (InputEntry entry : chunk) {
            Outcome<ArticlePlan> plan = ArticleFaults.attempt(() -> processor.plan(entry.article().article()));
            plan.value().ifPresent(plans::add);
            plan.error().ifPresent(e -> results.add(ArticleResult.unplanned(entry.position(), entry.article(),
                    "planning failed: " + e)));
            positions.put(entry.id(), entry.position());
        }
        for (ProcessedArticle processed : processor.process(plans)) {
            results.add(write(files, positions.get(processed.article().id()), processed));
        }
        results.sort(Comparator.comparingLong(result -> result.article().position()));
        return results;
    }

    /** What run's write stage does with a processed article: its files, or the reason it has none. */
    private static ArticleResult write(ArticleOutput files, long position, ProcessedArticle processed) {
        Map<String, Double> seconds = new LinkedHashMap<>(processed.seconds());
        if (processed.document().error().isPresent()) {
            return ArticleResult.failed(position, processed.plan(), seconds, processed.warnings(),
                    processed.document().error().get());
        }
        BilingualDocument document = processed.document().value().orElseThrow();
        long start = System.nanoTime();
        Outcome<List<String>> written = ArticleFaults.attempt(() -> files.write(document));
        if (written.error().isPresent()) {
            return ArticleResult.failed(position, processed.plan(), seconds, processed.warnings(),
                    "writing the outputs failed: " + written.error().get());
        }
        seconds.put("writing", (System.nanoTime() - start) / 1e9);
        return ArticleResult.translated(position, processed, written.value().orElseThrow(), seconds);
    }
}
