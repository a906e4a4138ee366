package depeche.hub;

/**
 * What a downloaded file was checked against: the checksum the hub's file list gave for it, if any. A mirror
 * that lists no checksum leaves the file unverified, whatever its own sha256 is.
 */
public enum ListedChecksum {
    /** {@code lfs.sha256}, listed for files stored in Git LFS (weights, {@code *.spm}). */
    SHA256,
    /** {@code blobId}, git's sha1 of a file stored in git itself (JSON and text files). */
    GIT_BLOB_ID,
    /** The list gave neither: nothing shows the file is the one published. */
    NONE
}
