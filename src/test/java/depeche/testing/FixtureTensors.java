package depeche.testing;

import depeche.bench.SafetensorsWriter.Tensor;
import depeche.model.weights.Checkpoint;
import depeche.model.weights.Checkpoints;
import depeche.model.weights.TensorData;
import java.util.HashMap;
import java.util.Map;

/** A fixture's weights as float32 tensors, for tests that change some and write them again. */
public final class FixtureTensors {
    private FixtureTensors() {
    }

    /** Every tensor of fixture {@code name}, by checkpoint key; the map is the caller's to change. */
    public static Map<String, Tensor> of(String name) {
        Map<String, Tensor> tensors = new HashMap<>();
        try (Checkpoint original = Checkpoints.open(Fixtures.dir(name))) {
            for (String key : original.names()) {
                TensorData t = original.tensor(key);
                tensors.put(key, new Tensor(t.shape(), t.toFloatArray()));
            }
        }
        return tensors;
    }
}
