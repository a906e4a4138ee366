package depeche.model.weights;

import java.nio.file.Path;
import java.util.Set;

/** The tensors of a model's weights file(s), read without executing anything from them. */
public interface Checkpoint extends AutoCloseable {

    /** The file the tensors come from (for error messages). */
    Path file();

    /** Every tensor name the checkpoint holds. */
    Set<String> names();

    /**
     * The tensor stored under {@code name}.
     *
     * @throws depeche.model.ModelException when it is absent or its bytes cannot be read
     */
    TensorData tensor(String name);

    @Override
    void close();
}
