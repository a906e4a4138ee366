package depeche.hub;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a fetch on stderr: what is fetched and how big it is, then a progress bar on a terminal,
 * or plain lines (one per file, and every tenth of a large file) in logs.
 */
public final class ConsoleFetchListener implements FetchListener {
    /** Files from this size on get progress lines in logs. */
    private static final long LARGE_FILE = 10_000_000;

    private final PrintStream err;
    private final boolean terminal;
    private ProgressBar bar;
    private long bytesOfFinishedFiles;
    private int loggedTenths;

    public ConsoleFetchListener(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** A listener for this process's stderr, with a progress bar when it runs in a terminal. */
    public static ConsoleFetchListener forStderr() {
        return new ConsoleFetchListener(System.err, System.console() != null && !"dumb".equals(System.getenv("TERM")));
    }

    @Override
    public void fetchingMissingDefault(CatalogEntry entry, Path target, String endpoint) {
        err.println("depeche: the default " + entry.role().label() + " model " + entry.name() + " (" + target
                + "/) is missing; fetching " + entry.repo() + " from " + endpoint + " first (--offline forbids this)");
    }

    @Override
    public void planned(FetchRequest request, String commit, Path target, List<RepoFile> files, long totalBytes,
                        long bytesPresent) {
        err.println("Fetching " + request.repo() + " @ " + FetchManifest.shorten(commit) + " into " + target + "/: " + files.size()
                + " files, " + ByteSize.format(totalBytes)
                + (bytesPresent > 0 ? " (" + ByteSize.format(bytesPresent) + " kept from an interrupted fetch)" : ""));
        List<String> unverified = files.stream().filter(file -> file.checksum() == ListedChecksum.NONE)
                .map(RepoFile::name).sorted().toList();
        if (!unverified.isEmpty()) {
            err.println("  warning: the hub lists no checksum for " + String.join(", ", unverified)
                    + ": they are installed unverified (--allow-unverified)");
        }
        bytesOfFinishedFiles = 0;
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName(request.name()).setInitialMax(totalBytes)
                    .setUnit("MB", 1_000_000).showSpeed().setStyle(ProgressBarStyle.UNICODE_BLOCK)
                    .setConsumer(new ConsoleProgressBarConsumer(err)).startsFrom(bytesPresent, Duration.ZERO)
                    .build();
        }
    }

    @Override
    public void fileStarted(RepoFile file, long resumeFrom) {
        loggedTenths = 0;
        if (bar != null) {
            bar.setExtraMessage(" " + file.name());
        } else {
            err.println("  " + file.name() + " (" + ByteSize.format(Math.max(0, file.size())) + ")"
                    + (resumeFrom > 0 ? ", resuming at " + ByteSize.format(resumeFrom) : ""));
        }
    }

    @Override
    public void progress(RepoFile file, long bytesOnDisk) {
        if (bar != null) {
            bar.stepTo(bytesOfFinishedFiles + bytesOnDisk);
        } else if (file.size() >= LARGE_FILE) {
            int tenths = (int) (10 * bytesOnDisk / file.size());
            if (tenths > loggedTenths && tenths < 10) {
                loggedTenths = tenths;
                err.println(String.format(Locale.ROOT, "  %s: %d%% (%s)", file.name(), tenths * 10,
                        ByteSize.format(bytesOnDisk)));
            }
        }
    }

    @Override
    public void fileDone(RepoFile file) {
        bytesOfFinishedFiles += Math.max(0, file.size());
        if (bar != null) {
            bar.stepTo(bytesOfFinishedFiles);
        }
    }

    @Override
    public void retrying(String what, int failedAttempt, int attempts, String reason, Duration delay) {
        String line = "  " + what + ": " + reason + "; trying again in " + delay.toMillis() / 1000.0 + " s (try "
                + (failedAttempt + 1) + " of " + attempts + ")";
        if (bar != null) {
            err.println(); // leave the bar's line intact
        }
        err.println(line);
    }

    @Override
    public void installed(Path target, FetchManifest manifest) {
        closeBar();
        long size = manifest.files().stream().mapToLong(FetchManifest.Entry::size).sum();
        List<String> unverified = manifest.unverified();
        String checked = unverified.isEmpty() ? "checksums verified"
                : unverified.size() == manifest.files().size() ? "UNVERIFIED: the hub listed no checksums"
                : "UNVERIFIED: the hub listed no checksum for " + String.join(", ", unverified);
        err.println("Installed " + target + "/ (" + manifest.files().size() + " files, " + ByteSize.format(size)
                + ", " + checked + ", " + manifest.repo() + " @ " + manifest.shortCommit() + ")");
    }

    @Override
    public void alreadyInstalled(Path target) {
        err.println(target + "/ is already installed (depeche models fetch --force fetches it again)");
    }

    @Override
    public void finished() {
        closeBar();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
