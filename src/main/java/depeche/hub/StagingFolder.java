package depeche.hub;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Where a model is downloaded before it is installed: {@code models/.partial/<name>/}.
 *
 * <p>Partial files stay there between runs so an interrupted fetch resumes. The model folder only
 * appears by renaming a complete, verified staging folder into place, so a half-fetched model is
 * never mistaken for a complete one. A lock keeps two depeche processes from fetching the same
 * model at once. Our own files there start with a dot, which no model name does.
 */
final class StagingFolder implements AutoCloseable {
    /** The folder under {@code models/} that holds everything not yet installed. */
    static final String ROOT = ".partial";
    /** Records which commit the partial files belong to. */
    private static final String COMMIT_FILE = ".depeche-staging-commit";

    private final Path root;
    private final Path dir;
    private final String name;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private StagingFolder(Path root, String name, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.dir = root.resolve(name);
        this.name = name;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens (and locks) the staging folder of a model. Partial files of another commit are
     * dropped: resuming them would mix two versions.
     *
     * @throws FetchException when another process is fetching the same model
     */
    static StagingFolder open(Path modelsDir, String name, String commit) throws IOException {
        Path root = modelsDir.resolve(ROOT);
        Files.createDirectories(root);
        FileChannel channel = FileChannel.open(root.resolve("." + name + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new FetchException(modelsDir.resolve(name),
                    "another depeche process is fetching this model; wait for it to finish");
        }
        StagingFolder staging = new StagingFolder(root, name, channel, lock);
        staging.startOrResume(commit);
        return staging;
    }

    private void startOrResume(String commit) throws IOException {
        Path commitFile = dir.resolve(COMMIT_FILE);
        if (Files.isDirectory(dir) && !(Files.isRegularFile(commitFile)
                && Files.readString(commitFile, StandardCharsets.UTF_8).equals(commit))) {
            deleteRecursively(dir);
        }
        Files.createDirectories(dir);
        Files.writeString(commitFile, commit, StandardCharsets.UTF_8);
    }

    /** Where a repository file is downloaded; refuses names that would leave the folder. */
    Path file(String repoFileName) throws IOException {
        Path file = SafeNames.resolveInside(dir, repoFileName);
        Files.createDirectories(file.getParent());
        return file;
    }

    /**
     * Writes the manifest and renames the folder to {@code target}. With {@code replace}, a model
     * already there is moved aside first and deleted after; at no moment is a mix of both visible.
     */
    void install(Path target, FetchManifest manifest, boolean replace) throws IOException {
        Files.delete(dir.resolve(COMMIT_FILE));
        manifest.writeTo(dir);
        if (Files.exists(target)) {
            if (!replace) {
                throw new IOException(target + " appeared during the fetch");
            }
            Path previous = root.resolve("." + name + ".previous");
            deleteRecursively(previous);
            Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
            Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(previous);
        } else {
            Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
