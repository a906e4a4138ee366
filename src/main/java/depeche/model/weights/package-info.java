/**
 * Reading a model folder's weights: {@code model.safetensors} (also sharded, with its index) and PyTorch
 * {@code pytorch_model.bin} checkpoints, zip or legacy, through a restricted unpickler that refuses any global a
 * state dict never needs. {@link depeche.model.weights.Checkpoints#open} picks the file; every problem is a
 * one-line {@link depeche.folder.ModelException} naming the file. {@link depeche.model.weights.FiniteWeights}
 * refuses weights holding NaN or infinite values, which would compute garbage without any error.
 */
package depeche.model.weights;
