package depeche.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import depeche.folder.ModelException;
import depeche.model.weights.Checkpoint;
import depeche.model.weights.FiniteWeights;
import depeche.model.weights.PreparedWeights;
import depeche.model.weights.TensorData;
import depeche.model.weights.TensorData.DType;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A view of a checkpoint scoped to one key prefix, so each module reads its own tensors by their short names
 * ({@code weights.pp("self_attn").pp("q_proj").get("weight", d, d)}) and the code's structure mirrors the
 * checkpoint's names. Every tensor is checked against the shape the config implies and becomes float32.
 * Arrays derived from tensors (a transposed copy, a conversion) go through {@link #prepared}, so that later loads
 * map them from the prepared-weights cache instead of computing them again.
 */
public final class WeightsView {
    private final Checkpoint checkpoint;
    private final PreparedWeights prepared;
    private final NDManager manager;
    private final String prefix;

    /** @param prepared the derived arrays' cache for {@code checkpoint} ({@link PreparedWeights#off()}: none) */
    public WeightsView(Checkpoint checkpoint, PreparedWeights prepared, NDManager manager, String prefix) {
        this.checkpoint = checkpoint;
        this.prepared = prepared;
        this.manager = manager;
        this.prefix = prefix;
    }

    /** The view one level down: {@code pp("layers").pp("0")} reads {@code <prefix>layers.0.*}. */
    public WeightsView pp(String name) {
        return new WeightsView(checkpoint, prepared, manager, prefix + name + ".");
    }

    public WeightsView pp(int index) {
        return pp(Integer.toString(index));
    }

    public boolean contains(String name) {
        return checkpoint.names().contains(prefix + name);
    }

    /**
     * The tensor {@code <prefix>name}, which must exist with exactly {@code shape}. Float32 tensors are used where
     * they lie (a memory mapping of the file), without a copy; others are converted once, as the prepared array
     * {@code <name>:float32}.
     */
    public NDArray get(String name, long... shape) {
        requirePresent(name);
        if (checkpoint.info(prefix + name).dtype() == DType.F32) {
            return toFloat32(tensor(name, shape));
        }
        // Converting makes an array of its own, so the identity "copy" leaves nothing on the file's bytes.
        return prepared(name + ":float32", shape, () -> getCopy(name, UnaryOperator.identity(), shape));
    }

    /**
     * The array derived from tensors of this view that {@code <prefix>derivedName} names (a tensor's name and the
     * derivation, {@code weight:column-major}): mapped from the prepared-weights cache when it holds it with
     * {@code shape}, else made by {@code make}, which reads the source tensors (and so checks them), and kept for
     * the next load. The array is float32, contiguous, row-major, of {@code shape}; whatever {@code make} returns
     * must be so too. A derivation that changes must bump {@code PreparedWeightsFile.FORMAT}.
     */
    public NDArray prepared(String derivedName, long[] shape, Supplier<NDArray> make) {
        String key = prefix + derivedName;
        Optional<ByteBuffer> cached = prepared.find(key, shape);
        if (cached.isPresent()) {
            return manager.create(cached.get(), new Shape(shape), DataType.FLOAT32);
        }
        NDArray made = make.get();
        if (made.getDataType() != DataType.FLOAT32 || !made.getShape().equals(new Shape(shape))) {
            String madeAs = made.getDataType() + " " + made.getShape();
            made.close();
            throw new IllegalStateException("derived array '" + key + "' came out " + madeAs + " instead of float32 "
                    + new Shape(shape));
        }
        prepared.add(key, shape, () -> made.toByteBuffer(true));
        return made;
    }

    /**
     * The tensor {@code <prefix>name} made into an array of its own by {@code copy}, which must close the array it
     * is given. The file's bytes are released as soon as they are copied, so the weights are never in memory twice
     * (a mapping unmapped only when the garbage collector gets to it counts in the resident set meanwhile).
     */
    public NDArray getCopy(String name, UnaryOperator<NDArray> copy, long... shape) {
        TensorData t = tensor(name, shape);
        NDArray copied = copy.apply(toFloat32(t));
        checkpoint.release(t);
        return copied;
    }

    private void requirePresent(String name) {
        if (!contains(name)) {
            throw new ModelException(checkpoint.file(), "tensor '" + prefix + name + "' is missing");
        }
    }

    private TensorData tensor(String name, long... shape) {
        requirePresent(name);
        String key = prefix + name;
        TensorData t = checkpoint.tensor(key);
        if (!Arrays.equals(t.shape(), shape)) {
            throw new ModelException(checkpoint.file(), "tensor '" + key + "' has shape " + Arrays.toString(t.shape())
                    + " but config.json implies " + Arrays.toString(shape));
        }
        // A NaN or Inf weight would give garbage with no error: refuse it, while its bytes are being read anyway.
        FiniteWeights.require(checkpoint, key, t);
        return t;
    }

    /** Like {@link #get}, for tensors a checkpoint may leave out (HF then uses zeros or a default). */
    public Optional<NDArray> getOptional(String name, long... shape) {
        return contains(name) ? Optional.of(get(name, shape)) : Optional.empty();
    }

    private NDArray toFloat32(TensorData t) {
        Shape shape = new Shape(t.shape());
        if (t.dtype() == DType.BF16) {
            // DJL's PyTorch engine aborts the whole process when asked for a BFLOAT16 array (DJL 0.36, torch
            // 2.7.1); bf16 is float32's top half, so converting is a shift, done here.
            return manager.create(t.toFloat32Buffer(), shape, DataType.FLOAT32);
        }
        DataType stored = switch (t.dtype()) {
            case F32 -> DataType.FLOAT32;
            case F16 -> DataType.FLOAT16;
            case F64 -> DataType.FLOAT64;
            default -> throw new ModelException(checkpoint.file(), "tensor '" + t.name() + "' holds " + t.dtype()
                    + " values, but weights must be floating point");
        };
        NDArray array = manager.create(t.data(), shape, stored);
        if (stored == DataType.FLOAT32) {
            return array;
        }
        NDArray converted = array.toType(DataType.FLOAT32, false);
        array.close();
        return converted;
    }
}
