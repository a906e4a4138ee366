package depeche.model.weights;

import depeche.folder.ModelException;
import depeche.text.OneLine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The zip that {@code torch.save} writes since torch 1.6: {@code <archive>/data.pkl} holds the pickle and each
 * storage is the entry {@code <archive>/data/<key>}. The folder name varies ("archive", the file's stem, ...).
 */
final class ZipTorchArchive implements TorchArchive {
    private final Path file;
    private final ZipFile zip;
    private final String folder;
    private final ByteOrder byteOrder;
    private final Object root;

    private ZipTorchArchive(Path file, ZipFile zip, String folder, ByteOrder byteOrder, Object root) {
        this.file = file;
        this.zip = zip;
        this.folder = folder;
        this.byteOrder = byteOrder;
        this.root = root;
    }

    static ZipTorchArchive open(Path file) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw new ModelException(file, "is not a readable zip: " + OneLine.of(e), e);
        }
        try {
            String folder = pickleFolder(file, zip);
            ByteOrder byteOrder = byteOrder(file, zip, folder);
            ByteBuffer pickle = ByteBuffer.wrap(read(file, zip, zip.getEntry(folder + "data.pkl")));
            RestrictedUnpickler unpickler = new RestrictedUnpickler(file, pickle);
            Object root = unpickler.load();
            ZipTorchArchive archive = new ZipTorchArchive(file, zip, folder, byteOrder, root);
            unpickler.storages().values().forEach(archive::storageEntry);
            return archive;
        } catch (RuntimeException e) {
            FileBytes.closeQuietly(zip);
            throw e;
        }
    }

    /** The folder (with its trailing slash) of the one {@code <folder>/data.pkl} entry. */
    private static String pickleFolder(Path file, ZipFile zip) {
        List<String> pickles = zip.stream().map(ZipEntry::getName)
                .filter(name -> name.matches("[^/]+/data\\.pkl")).toList();
        if (pickles.size() != 1) {
            throw new ModelException(file, "is a zip with " + pickles.size()
                    + " '<folder>/data.pkl' entries instead of one, so it is not a torch.save file");
        }
        return pickles.get(0).substring(0, pickles.get(0).length() - "data.pkl".length());
    }

    /** Torch records the byte order since 2.1; older files come from little-endian machines. */
    private static ByteOrder byteOrder(Path file, ZipFile zip, String folder) {
        ZipEntry entry = zip.getEntry(folder + "byteorder");
        if (entry == null) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        String recorded = new String(read(file, zip, entry), StandardCharsets.US_ASCII).strip();
        return switch (recorded) {
            case "little" -> ByteOrder.LITTLE_ENDIAN;
            case "big" -> ByteOrder.BIG_ENDIAN;
            default -> throw new ModelException(file, "its byteorder entry says '" + recorded
                    + "' instead of 'little' or 'big'");
        };
    }

    private static byte[] read(Path file, ZipFile zip, ZipEntry entry) {
        FileBytes.bufferSize(file, "zip entry '" + entry.getName() + "'", entry.getSize());
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModelException(file, "cannot read zip entry '" + entry.getName() + "': " + OneLine.of(e), e);
        }
    }

    @Override
    public Object root() {
        return root;
    }

    @Override
    public ByteOrder byteOrder() {
        return byteOrder;
    }

    @Override
    public ByteBuffer storageBytes(StorageRef storage) {
        return ByteBuffer.wrap(read(file, zip, storageEntry(storage)));
    }

    /** The storage's entry, checked against the zip's directory (so opening finds a missing or short one). */
    private ZipEntry storageEntry(StorageRef storage) {
        String name = folder + "data/" + storage.key();
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new ModelException(file, "storage '" + storage.key() + "' is missing: the zip has no entry '"
                    + name + "'");
        }
        long declared = storage.numel() * storage.dtype().bytes();
        if (entry.getSize() >= 0 && entry.getSize() < declared) {
            throw new ModelException(file, "storage '" + storage.key() + "' has " + entry.getSize()
                    + " bytes in the zip but the pickle declares " + storage.numel() + " " + storage.dtype()
                    + " elements (" + declared + " bytes)");
        }
        return entry;
    }

    @Override
    public void close() {
        FileBytes.closeQuietly(zip);
    }
}
