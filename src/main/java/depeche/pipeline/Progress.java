package depeche.pipeline;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long task on stderr: a progress bar with rate and ETA on a terminal, or plain lines at every
 * tenth in logs (a bar redrawn with carriage returns would make a log unreadable).
 */
public final class Progress implements AutoCloseable {
    private final PrintWriter err;
    private final PrintStream terminal;
    private ProgressBar bar;
    private String task;
    private String unit;
    private long total;
    private long done;
    private int loggedTenths;

    /**
     * @param err      where lines go
     * @param terminal where the bar is drawn, the terminal {@code err} writes to; null for plain lines only
     */
    public Progress(PrintWriter err, PrintStream terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Progress on {@code err}, the command's stderr: as a bar when this process's stderr is a terminal. */
    public static Progress forStderr(PrintWriter err) {
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        return new Progress(err, terminal ? System.err : null);
    }

    /** Starts a task of {@code total} units (replacing a running one). */
    public void start(String task, long total, String unit) {
        close();
        this.task = task;
        this.unit = unit;
        this.total = total;
        this.done = 0;
        this.loggedTenths = 0;
        if (terminal != null && total > 0) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" " + unit, 1)
                    .setStyle(ProgressBarStyle.UNICODE_BLOCK).setConsumer(new ConsoleProgressBarConsumer(terminal))
                    .showSpeed().build();
        } else {
            line("depeche: " + task + ": " + total + " " + unit);
        }
    }

    public void step(long units) {
        done += units;
        if (bar != null) {
            bar.stepBy(units);
            return;
        }
        int tenths = total == 0 ? 10 : (int) (10 * done / total);
        if (tenths > loggedTenths) {
            loggedTenths = tenths;
            line(String.format(Locale.ROOT, "depeche: %s: %d/%d %s (%d%%)", task, done, total, unit,
                    100 * done / Math.max(1, total)));
        }
    }

    /** A line that must not be lost in the bar (a failed article, say). */
    public void note(String line) {
        if (bar != null) {
            err.println();
        }
        line(line);
    }

    private void line(String line) {
        err.println(line);
        err.flush();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
