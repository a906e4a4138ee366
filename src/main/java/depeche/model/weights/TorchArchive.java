package depeche.model.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Where a {@code torch.save} file keeps its pickled object and the storages that the pickle refers to. */
interface TorchArchive extends AutoCloseable {

    /** The unpickled object, already checked by {@link RestrictedUnpickler}. */
    Object root();

    /** The byte order of the storages' elements. */
    ByteOrder byteOrder();

    /** All bytes of {@code storage}, position 0: at least its declared elements, as checked on opening. */
    ByteBuffer storageBytes(StorageRef storage);

    @Override
    void close();
}
