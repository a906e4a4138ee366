package depeche.model.weights;

import depeche.folder.ModelException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/** What every format shares once it has listed its tensors: lookup by name, the missing-tensor error, counts. */
abstract class AbstractCheckpoint implements Checkpoint {
    private final Path file;
    private final Map<String, TensorInfo> infos;

    /** @param infos every tensor in file order; the map is kept, not copied */
    AbstractCheckpoint(Path file, Map<String, TensorInfo> infos) {
        this.file = file;
        this.infos = Collections.unmodifiableMap(infos);
    }

    /** The tensor's bytes: exactly {@code info.byteSize()}, position 0, little-endian. */
    abstract ByteBuffer read(TensorInfo info);

    @Override
    public Path file() {
        return file;
    }

    @Override
    public Set<String> names() {
        return infos.keySet();
    }

    @Override
    public TensorInfo info(String name) {
        TensorInfo info = infos.get(name);
        if (info == null) {
            throw new ModelException(file, "tensor '" + name + "' is missing");
        }
        return info;
    }

    @Override
    public TensorData tensor(String name) {
        TensorInfo info = info(name);
        return new TensorData(name, info.dtype(), info.shape().clone(), read(info));
    }

    @Override
    public long parameterCount() {
        return infos.values().stream().mapToLong(TensorInfo::numel).sum();
    }
}
