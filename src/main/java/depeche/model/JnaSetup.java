package depeche.model;

import com.sun.jna.Platform;
import depeche.model.weights.PreparedWeightsCache;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * JNA's settings, made before JNA starts (it reads them once). JNA is on the engine's start-up path: DJL asks it
 * for CUDA's runtime, and depeche sets environment variables and malloc options through it before libtorch loads.
 *
 * <ul>
 *   <li>No library folder search: JNA runs {@code /sbin/ldconfig -p} (a process: 30-80 ms) to learn the system's
 *   library folders, unless they are given. depeche loads libraries only by full name or path, which
 *   {@code dlopen} finds itself; DJL asks for CUDA's runtime, which the CPU engine never uses, and is told there is
 *   none either way.</li>
 *   <li>Its own native library kept: JNA otherwise unpacks {@code libjnidispatch.so} from its jar into a new
 *   temporary file at every start (and sets up {@code SecureRandom} to name it). Kept beside the prepared weights
 *   ({@code <cache>/native/jnidispatch-<crc>/}), named by the checksum of the jar's copy, written once: a
 *   one-sentence {@code translate} took 1.48-1.60 s instead of 1.54-1.73 s (6 runs each, alternating). Where the
 *   cache is off or cannot be written, JNA does as it always did.</li>
 * </ul>
 * A setting the user made (the system property) is left as it is.
 */
final class JnaSetup {
    static final String LIBRARY_FOLDERS = "jna.platform.library.path";
    static final String BOOT_FOLDER = "jna.boot.library.path";

    /** Whether {@link #configure()} ran: every libc call asks for it, and the library's checksum is read once. */
    private static boolean configured;

    private JnaSetup() {
    }

    /** Makes the settings, once per process; never fails. */
    static synchronized void configure() {
        if (configured) {
            return;
        }
        configured = true;
        if (System.getProperty(LIBRARY_FOLDERS) == null) {
            System.setProperty(LIBRARY_FOLDERS, "");
        }
        if (System.getProperty(BOOT_FOLDER) == null) {
            nativeCache().flatMap(JnaSetup::keptDispatchLibrary)
                    .ifPresent(folder -> System.setProperty(BOOT_FOLDER, folder.toString()));
        }
    }

    /** {@code <cache>/native}, beside the prepared weights' folder, unless the cache is off. */
    static Optional<Path> nativeCache() {
        return PreparedWeightsCache.fromEnvironment().folder().map(weights -> weights.resolveSibling("native"));
    }

    /**
     * The folder in {@code cache} holding this jar's JNA library as {@code libjnidispatch.so}, written there first
     * when it is not; empty when the jar has none for this platform or the folder cannot be written.
     */
    static Optional<Path> keptDispatchLibrary(Path cache) {
        String name = System.mapLibraryName("jnidispatch");
        String resource = "com/sun/jna/" + Platform.RESOURCE_PREFIX + "/" + name;
        try (InputStream in = JnaSetup.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] library = in.readAllBytes();
            CRC32 crc = new CRC32();
            crc.update(library);
            Path folder = cache.resolve("jnidispatch-" + Long.toHexString(crc.getValue()));
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file) || Files.size(file) != library.length) {
                Files.createDirectories(folder);
                Path partial = folder.resolve(name + "." + ProcessHandle.current().pid() + ".partial");
                Files.write(partial, library);
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return Optional.of(folder);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // JNA unpacks its own copy, as without this
        }
    }
}
