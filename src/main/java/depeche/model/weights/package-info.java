/**
 * Reading a model folder's weights: {@code model.safetensors} (also sharded, with its index) and PyTorch
 * {@code pytorch_model.bin} checkpoints, zip or legacy, through a restricted unpickler that refuses any global a
 * state dict never needs. {@link depeche.model.weights.Checkpoints#open} picks the file; every problem is a
 * one-line {@link depeche.folder.ModelException} naming the file. {@link depeche.model.weights.FiniteWeights}
 * refuses weights holding NaN or infinite values, which would compute garbage without any error.
 * {@link depeche.model.weights.PreparedWeights} keeps the arrays a load derives from a large checkpoint (transposed
 * copies, float32 conversions) in a cache file that later loads map instead of computing them again
 * ({@link depeche.model.weights.PreparedWeightsCache} says where).
 */
package depeche.model.weights;
