package depeche.testing;

import depeche.generate.GenerationConfig;
import depeche.inference.BatchedGeneration;
import depeche.inference.Batcher;
import depeche.inference.Generated;
import depeche.inference.LoadedModel;
import java.util.List;

/** Generation for tests that expect every input to succeed. */
public final class Generate {
    private Generate() {
    }

    /** The output for every text, in order; fails the test with the first input's error. */
    public static List<Generated> all(LoadedModel model, GenerationConfig settings, List<String> texts) {
        return new BatchedGeneration(model, settings, Batcher.forGeneration()).run(texts, done -> { }).stream()
                .map(o -> o.value().orElseThrow(() -> new AssertionError("generation failed: " + o.error().orElseThrow())))
                .toList();
    }
}
