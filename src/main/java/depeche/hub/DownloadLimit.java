package depeche.hub;

import java.util.Locale;

/**
 * The most bytes one download may bring, so that a broken or hostile mirror can never fill the disk (or, for the
 * file list, the memory): the size the file list gives for the file, or, when it gives none, a ceiling for files
 * of its kind. A listed size above that ceiling is refused before anything is downloaded.
 *
 * @param bytes       the limit
 * @param description how messages name it, e.g. "the 924 bytes the hub lists"
 */
record DownloadLimit(long bytes, String description) {
    /**
     * Weights files ({@code .safetensors}, {@code .bin}): the largest MarianMT or BART checkpoint (bart-large in
     * float32) is 1.6 GB.
     */
    static final long WEIGHTS_CEILING = 4_000_000_000L;
    /** Every other file of a model (JSON, text, SentencePiece models): the largest tokenizer.json is ~17 MB. */
    static final long OTHER_CEILING = 32_000_000;
    /** The file list of a repository: a few kB for a model, a few hundred kB for the largest repositories. */
    static final DownloadLimit LISTING = new DownloadLimit(16_000_000, "the 16.0 MB a file list may have");

    /** The ceiling for a file named {@code name}, whatever the file list says. */
    static long ceiling(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".safetensors") || lower.endsWith(".bin") ? WEIGHTS_CEILING : OTHER_CEILING;
    }

    /** The limit of a download of {@code file}: its listed size, else the ceiling for its kind. */
    static DownloadLimit of(RepoFile file) {
        if (file.size() >= 0) {
            return new DownloadLimit(file.size(), "the " + file.size() + " bytes the hub lists");
        }
        long ceiling = ceiling(file.name());
        return new DownloadLimit(ceiling, "the " + ByteSize.format(ceiling) + " a file of unlisted size may have");
    }
}
