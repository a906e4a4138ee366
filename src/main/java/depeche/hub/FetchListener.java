package depeche.hub;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Hears how a fetch goes, to show it to people. Every method does nothing unless overridden. */
public interface FetchListener {
    /** Hears nothing. */
    FetchListener SILENT = new FetchListener() {
    };

    /** A first run found the default model of a role missing and fetches it before going on. */
    default void fetchingMissingDefault(CatalogEntry entry, Path target, String endpoint) {
    }

    /** The files are known: {@code totalBytes} to have, {@code bytesPresent} of them kept from an interrupted fetch. */
    default void planned(FetchRequest request, String commit, Path target, List<RepoFile> files, long totalBytes,
                         long bytesPresent) {
    }

    default void fileStarted(RepoFile file, long resumeFrom) {
    }

    /** {@code bytesOnDisk} of {@code file} are downloaded. */
    default void progress(RepoFile file, long bytesOnDisk) {
    }

    default void fileDone(RepoFile file) {
    }

    /** A try failed and will be made again after {@code delay}. */
    default void retrying(String what, int failedAttempt, int attempts, String reason, Duration delay) {
    }

    default void installed(Path target, FetchManifest manifest) {
    }

    /** The model folder was already there and complete: nothing was downloaded. */
    default void alreadyInstalled(Path target) {
    }

    /** The fetch ended, installed or not: release the display. */
    default void finished() {
    }
}
