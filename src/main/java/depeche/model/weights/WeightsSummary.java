package depeche.model.weights;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code models list} shows about a model's weights, read without loading them.
 *
 * @param file           the weights file or shard index that was read
 * @param tensors        every tensor's name, dtype and shape, in file order
 * @param parameterCount elements over all tensors, tied ones counted once (see {@link Checkpoint#parameterCount})
 */
public record WeightsSummary(Path file, List<TensorInfo> tensors, long parameterCount) {
}
