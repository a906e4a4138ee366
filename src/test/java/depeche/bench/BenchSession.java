package depeche.bench;

import depeche.generate.GenerationConfig;
import depeche.generate.Generator;
import depeche.model.Seq2SeqModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The workload on one loaded model, call by call. {@link GenerationBenchmark} makes one per variant, each in its
 * own class loader, and calls it by reflection; so it takes and returns only JDK types and uses only public API
 * (the same class then drives the classes of another revision).
 */
public final class BenchSession implements AutoCloseable {
    private final Seq2SeqModel model;
    private final GenerationConfig base;
    private final Generator generator;
    private final Workload workload;

    public BenchSession(String modelDir) throws IOException {
        System.setProperty("ai.djl.offline", "true");
        Path dir = Path.of(modelDir);
        this.model = OpusMtShape.load(dir);
        this.base = GenerationConfig.read(dir, model.config());
        this.generator = new Generator(model);
        this.workload = Workload.seedArticle();
    }

    /** Runs every shape of the workload once on a few tokens: JIT, allocator and kernel caches warm up. */
    public void warmUp(int perCall) {
        workload.capped(4).run(generator, base, model.config(), perCall);
    }

    /** @return generated tokens and a checksum of the ids, of call {@code index} at {@code perCall} per call */
    public long[] generate(int perCall, int index) {
        List<Workload.Sentence> call = workload.calls(perCall).get(index);
        Workload.Pass pass = Workload.generate(generator, base, model.config(), call);
        return new long[] {pass.generatedTokens(), pass.idsChecksum()};
    }

    Workload workload() {
        return workload;
    }

    Workload.Pass pass(int perCall) {
        return workload.run(generator, base, model.config(), perCall);
    }

    Seq2SeqModel model() {
        return model;
    }

    @Override
    public void close() {
        model.close();
    }
}
