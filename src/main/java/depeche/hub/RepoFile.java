package depeche.hub;

import java.util.Optional;

/**
 * One file of a hub repository, as {@code /api/models/…?blobs=true} lists it.
 *
 * @param name      the path in the repository ({@code rfilename})
 * @param size      bytes of the real file (for LFS files, of the object, not the pointer); -1 unknown
 * @param sha256    {@code lfs.sha256} for files stored in LFS
 * @param gitBlobId {@code blobId}: git's sha1 of the file, meaningful for files stored in git itself
 */
public record RepoFile(String name, long size, Optional<String> sha256, Optional<String> gitBlobId) {

    /** Whether the file is stored in LFS (large weights and tokenizer models). */
    public boolean isLfs() {
        return sha256.isPresent();
    }
}
