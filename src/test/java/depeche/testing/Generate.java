package depeche.testing;

import depeche.generate.GenerationConfig;
import depeche.pipeline.Batcher;
import depeche.pipeline.BatchedGeneration;
import depeche.pipeline.Generated;
import depeche.pipeline.LoadedModel;
import java.util.List;

/** Generation for tests that expect every input to succeed. */
public final class Generate {
    private Generate() {
    }

    /** The output for every text, in order; fails the test with the first input's error. */
    public static List<Generated> all(LoadedModel model, GenerationConfig settings, List<String> texts) {
        return new BatchedGeneration(model, settings, Batcher.forGeneration()).run(texts, done -> { }).stream()
                .map(o -> o.output().orElseThrow(() -> new AssertionError("generation failed: " + o.error())))
                .toList();
    }
}
