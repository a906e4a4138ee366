package depeche.hub;

import java.util.Optional;

/**
 * One file of a hub repository, as {@code /api/models/…?blobs=true} lists it.
 *
 * @param name      the path in the repository ({@code rfilename})
 * @param size      bytes of the real file (for LFS files, of the object, not the pointer); -1 unknown
 * @param sha256    {@code lfs.sha256} for files stored in LFS
 * @param gitBlobId {@code blobId}: git's sha1 of the file, meaningful for files stored in git itself
 * @param inLfs     whether the listing marks it as stored in LFS (its {@code blobId} is then the pointer's)
 */
public record RepoFile(String name, long size, Optional<String> sha256, Optional<String> gitBlobId, boolean inLfs) {

    /** A file as the hub lists it: in LFS exactly when a sha256 is given. */
    public RepoFile(String name, long size, Optional<String> sha256, Optional<String> gitBlobId) {
        this(name, size, sha256, gitBlobId, sha256.isPresent());
    }

    /** The listed checksum a download of this file can be checked against. */
    public ListedChecksum checksum() {
        if (sha256.isPresent()) {
            return ListedChecksum.SHA256;
        }
        // The blob id of an LFS file is that of its pointer, which says nothing about the bytes downloaded.
        return !inLfs && gitBlobId.isPresent() ? ListedChecksum.GIT_BLOB_ID : ListedChecksum.NONE;
    }
}
