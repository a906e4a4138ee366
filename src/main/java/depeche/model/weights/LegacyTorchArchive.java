package depeche.model.weights;

import depeche.folder.ModelException;
import depeche.text.OneLine;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The format of {@code torch.save} before torch 1.6, still found in older HF repos: five pickles one after the
 * other (magic number, protocol version, sys_info, the object, the sorted list of storage keys), then for each
 * listed storage an 8-byte little-endian element count and its raw bytes. Torch wrote those bytes little-endian
 * whatever the machine, so sys_info's {@code little_endian} does not matter here.
 */
final class LegacyTorchArchive implements TorchArchive {
    private static final BigInteger MAGIC_NUMBER = new BigInteger("1950a86a20f9469cfc6c", 16);
    private static final long PROTOCOL_VERSION = 1001;

    private final Path file;
    private final FileChannel channel;
    private final Object root;
    /** Where each storage's bytes begin in the file. */
    private final Map<String, Long> dataPositions;

    private LegacyTorchArchive(Path file, FileChannel channel, Object root, Map<String, Long> dataPositions) {
        this.file = file;
        this.channel = channel;
        this.root = root;
        this.dataPositions = dataPositions;
    }

    static LegacyTorchArchive open(Path file) {
        FileChannel channel = FileBytes.openChannel(file);
        try {
            long fileSize = channel.size();
            // The pickles are small and come first; mapping up to 2 GiB of the file covers them.
            MappedByteBuffer pickles = channel.map(FileChannel.MapMode.READ_ONLY, 0,
                    Math.min(fileSize, Integer.MAX_VALUE));
            checkPreamble(file, pickles);
            RestrictedUnpickler objectPickle = new RestrictedUnpickler(file, pickles);
            Object root = objectPickle.load();
            Object keys = new RestrictedUnpickler(file, pickles).load();
            if (!(keys instanceof List<?> keyList)) {
                throw new ModelException(file, "corrupt legacy file: the storage key list is of type "
                        + RestrictedUnpickler.pythonType(keys));
            }
            Map<String, Long> positions = locateStorages(file, channel, pickles.position(), keyList,
                    objectPickle.storages());
            return new LegacyTorchArchive(file, channel, root, positions);
        } catch (IOException e) {
            FileBytes.closeQuietly(channel);
            throw FileBytes.unreadable(file, e);
        } catch (RuntimeException e) {
            FileBytes.closeQuietly(channel);
            throw e;
        }
    }

    /** The magic number, protocol version and sys_info pickles. */
    private static void checkPreamble(Path file, ByteBuffer pickles) {
        if (!MAGIC_NUMBER.equals(new RestrictedUnpickler(file, pickles).load())) {
            throw new ModelException(file, "is a pickle without the magic number of a legacy torch.save file");
        }
        if (!Long.valueOf(PROTOCOL_VERSION).equals(new RestrictedUnpickler(file, pickles).load())) {
            throw new ModelException(file, "does not have legacy protocol version " + PROTOCOL_VERSION
                    + ", the only one torch ever wrote");
        }
        new RestrictedUnpickler(file, pickles).load(); // sys_info: nothing in it changes how the data is read
    }

    /**
     * Walks the storages after the pickles, checking each count against the pickle and the file size, and that
     * every storage the pickle refers to is there.
     */
    private static Map<String, Long> locateStorages(Path file, FileChannel channel, long position, List<?> keys,
                                                    Map<String, StorageRef> referenced) throws IOException {
        long fileSize = channel.size();
        Map<String, Long> positions = new HashMap<>();
        for (Object key : keys) {
            StorageRef storage = referenced.get(key);
            if (storage == null) {
                throw new ModelException(file, "corrupt legacy file: it stores '" + key
                        + "', a storage no tensor uses, so its size is unknown");
            }
            if (position + 8 > fileSize) {
                throw truncated(file, storage, position + 8, fileSize);
            }
            long count = FileBytes.readFully(file, channel, position, 8).getLong();
            if (count != storage.numel()) {
                throw new ModelException(file, "storage '" + key + "' has " + count
                        + " elements in the file but " + storage.numel() + " in the pickle");
            }
            long end = position + 8 + FileBytes.bufferSize(file, "storage '" + key + "'",
                    count * storage.dtype().bytes());
            if (end > fileSize) {
                throw truncated(file, storage, end, fileSize);
            }
            positions.put(storage.key(), position + 8);
            position = end;
        }
        for (String key : referenced.keySet()) {
            if (!positions.containsKey(key)) {
                throw new ModelException(file, "storage '" + key + "' is missing from the file's storage list");
            }
        }
        return positions;
    }

    private static ModelException truncated(Path file, StorageRef storage, long end, long fileSize) {
        return new ModelException(file, "storage '" + storage.key() + "' needs the file to reach byte " + end
                + " but it has only " + fileSize + " bytes: the file is truncated");
    }

    @Override
    public Object root() {
        return root;
    }

    @Override
    public ByteOrder byteOrder() {
        return ByteOrder.LITTLE_ENDIAN;
    }

    @Override
    public ByteBuffer storageBytes(StorageRef storage) {
        try {
            return channel.map(FileChannel.MapMode.READ_ONLY, dataPositions.get(storage.key()),
                    storage.numel() * storage.dtype().bytes());
        } catch (IOException e) {
            throw new ModelException(file, "cannot map storage '" + storage.key() + "': " + OneLine.of(e), e);
        }
    }

    @Override
    public void close() {
        FileBytes.closeQuietly(channel);
    }
}
