package depeche.model.weights;

import depeche.folder.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A {@code pytorch_model.bin}: a state dict written by {@code torch.save}, in the zip format (torch ≥ 1.6) or the
 * legacy one. The pickle is read by {@link RestrictedUnpickler}, so nothing in the file is ever executed.
 * Storages are read on first use and kept, so names sharing one (tied embeddings) read it once; a contiguous
 * little-endian tensor is a slice of its storage, any other view is copied out.
 */
public final class PytorchCheckpoint extends AbstractCheckpoint {
    private final TorchArchive archive;
    private final Map<String, TensorView> views;
    private final Map<String, ByteBuffer> storages = new HashMap<>();

    private PytorchCheckpoint(Path file, TorchArchive archive, Map<String, TensorView> views,
                              Map<String, TensorInfo> infos) {
        super(file, infos);
        this.archive = archive;
        this.views = views;
    }

    /** Opens {@code file} and reads its pickle; storages are read later, by {@link #tensor}. */
    public static PytorchCheckpoint open(Path file) {
        TorchArchive archive = openArchive(file);
        try {
            Map<String, TensorView> views = stateDict(file, archive.root());
            Map<String, TensorInfo> infos = new LinkedHashMap<>();
            views.forEach((name, view) -> infos.put(name, checkedInfo(file, name, view)));
            return new PytorchCheckpoint(file, archive, views, infos);
        } catch (RuntimeException e) {
            archive.close();
            throw e;
        }
    }

    /** A zip starts with its local header signature; a legacy file with the PROTO opcode of its first pickle. */
    private static TorchArchive openArchive(Path file) {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(4);
        } catch (IOException e) {
            throw FileBytes.unreadable(file, e);
        }
        if (Arrays.equals(start, new byte[] {'P', 'K', 3, 4})) {
            return ZipTorchArchive.open(file);
        }
        if (start.length > 0 && start[0] == (byte) 0x80) {
            return LegacyTorchArchive.open(file);
        }
        throw new ModelException(file, "is neither a torch.save zip nor a legacy torch.save file");
    }

    /** The root must be a dict of name → tensor, as {@code torch.save(model.state_dict())} writes. */
    private static Map<String, TensorView> stateDict(Path file, Object root) {
        if (!(root instanceof Map<?, ?> dict)) {
            throw new ModelException(file, "holds an object of type " + RestrictedUnpickler.pythonType(root)
                    + " instead of a state dict");
        }
        Map<String, TensorView> views = new LinkedHashMap<>();
        dict.forEach((key, value) -> {
            if (!(key instanceof String name) || !(value instanceof TensorView view)) {
                throw new ModelException(file, "is not a plain state dict: its entry " + key + " is of type "
                        + RestrictedUnpickler.pythonType(value) + ", not a tensor");
            }
            views.put(name, view);
        });
        return views;
    }

    /** The view's info, once it is known to lie inside the elements its storage declares. */
    private static TensorInfo checkedInfo(Path file, String name, TensorView view) {
        long extent;
        try {
            // Both throw rather than wrap around when a corrupt size overflows.
            view.info(name).byteSize();
            extent = view.extent();
        } catch (ArithmeticException e) {
            throw new ModelException(file, "tensor '" + name + "' has a size too large to exist: " + view.shape());
        }
        if (extent > view.storage().numel()) {
            throw new ModelException(file, "tensor '" + name + "' reaches element " + extent + " of storage '"
                    + view.storage().key() + "', which has only " + view.storage().numel());
        }
        return view.info(name);
    }

    @Override
    ByteBuffer read(TensorInfo info) {
        TensorView view = views.get(info.name());
        return view.materialize(storageBytes(view.storage()), archive.byteOrder(), info.bufferSize(file()));
    }

    /** Both archives check at opening that each storage holds the elements its pickle declares. */
    private synchronized ByteBuffer storageBytes(StorageRef storage) {
        return storages.computeIfAbsent(storage.key(), key -> archive.storageBytes(storage));
    }

    /** The first name of each distinct view: the aliases of {@code model.shared.weight} are one stored tensor. */
    @Override
    public Set<String> distinctNames() {
        Set<TensorView> seen = new HashSet<>();
        Set<String> names = new LinkedHashSet<>();
        views.forEach((name, view) -> {
            if (seen.add(view)) {
                names.add(name);
            }
        });
        return Collections.unmodifiableSet(names);
    }

    /** Distinct views count once: the three aliases of {@code model.shared.weight} are one parameter matrix. */
    @Override
    public long parameterCount() {
        return new HashSet<>(views.values()).stream().mapToLong(TensorView::numel).sum();
    }

    @Override
    public void close() {
        archive.close();
    }
}
