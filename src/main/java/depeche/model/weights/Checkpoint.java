package depeche.model.weights;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** The tensors of a model's weights file(s), read without executing anything from them. */
public interface Checkpoint extends AutoCloseable {

    /** The file the tensors come from (for error messages). */
    Path file();

    /** Every tensor name the checkpoint holds, in file order. */
    Set<String> names();

    /**
     * The names of {@link #names()} whose data is stored once: when several names are views of the same stored
     * tensor (the tied embeddings a {@code pytorch_model.bin} lists three times), only the first is kept. For work
     * that needs each stored value once, such as checking the values.
     */
    default Set<String> distinctNames() {
        return names();
    }

    /** The file that holds tensor {@code name}: {@link #file()}, or the shard of a sharded checkpoint. */
    default Path fileOf(String name) {
        return file();
    }

    /**
     * Every file the checkpoint is read from: {@link #file()}, then each shard of a sharded checkpoint. A change
     * to any of them is a change to the weights.
     */
    default Set<Path> files() {
        Set<Path> files = new LinkedHashSet<>();
        files.add(file());
        names().forEach(name -> files.add(fileOf(name)));
        return files;
    }

    /**
     * Dtype and shape of the tensor stored under {@code name}, read from the header or pickle only.
     *
     * @throws depeche.folder.ModelException when it is absent
     */
    TensorInfo info(String name);

    /**
     * The tensor stored under {@code name}.
     *
     * @throws depeche.folder.ModelException when it is absent or its bytes cannot be read
     */
    TensorData tensor(String name);

    /**
     * Says that the caller has copied {@code tensor}'s bytes and keeps no array on them, so that a format whose
     * tensors are memory mappings of their own unmaps it now, not whenever the garbage collector runs: weights that
     * are copied at load (transposed) are then never resident twice. Formats that share or own their buffers
     * ignore it.
     */
    default void release(TensorData tensor) {
    }

    /**
     * Elements over all tensors. Names that are views of the same stored data (the tied embeddings that a
     * {@code pytorch_model.bin} lists three times) count once.
     */
    long parameterCount();

    @Override
    void close();
}
