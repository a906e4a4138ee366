package depeche.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the machine is: the one-minute load average of {@code /proc/loadavg}. Every figure a benchmark prints
 * comes with it, because on a shared machine the same code's speed moves with what else runs.
 */
public final class MachineLoad {
    private MachineLoad() {
    }

    /** The one-minute load average, or NaN where the system does not say. */
    public static double oneMinute() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
