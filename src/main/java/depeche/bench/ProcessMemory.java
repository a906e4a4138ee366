package depeche.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's resident memory as Linux reports it in {@code /proc/self/status}; -1 elsewhere. */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /** Peak resident set size (VmHWM), in KiB. */
    public static long peakRssKb() {
        return field("VmHWM:");
    }

    /** Current resident set size (VmRSS), in KiB. */
    public static long rssKb() {
        return field("VmRSS:");
    }

    /**
     * Makes the peak start again from the current resident set (Linux 4.0+: "5" to {@code clear_refs}), so a
     * measurement's peak is its own and not the loading's, as HF's benchmark measures it.
     *
     * @return whether the peak was reset
     */
    public static boolean resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
