package depeche.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's resident memory as Linux reports it in /proc/self/status; -1 elsewhere. */
final class ProcessMemory {
    private ProcessMemory() {
    }

    /** Peak resident set size (VmHWM), in KiB. */
    static long peakRssKb() {
        return field("VmHWM:");
    }

    /** Current resident set size (VmRSS), in KiB. */
    static long rssKb() {
        return field("VmRSS:");
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
