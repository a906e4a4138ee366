package depeche.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's CPU time and minor page faults as Linux counts them in {@code /proc/self/stat}, all threads
 * (libtorch's too). On a shared machine wall time moves with the neighbours' work; CPU time and faults move much
 * less, so comparing two versions of the code goes by them.
 *
 * @param cpuSeconds   user plus system time, in seconds
 * @param minorFaults  pages touched for the first time since they were mapped (each costs the kernel a few µs)
 */
public record ProcessTimes(double cpuSeconds, long minorFaults) {
    /** Unknown (not Linux). */
    public static final ProcessTimes UNKNOWN = new ProcessTimes(Double.NaN, -1);

    /** Now. */
    public static ProcessTimes now() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            long minflt = Long.parseLong(f[7]);
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return new ProcessTimes(ticks / 100.0, minflt); // USER_HZ is 100 on every Linux port in use
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    /** What passed from {@code start} to this. */
    public ProcessTimes since(ProcessTimes start) {
        return new ProcessTimes(cpuSeconds - start.cpuSeconds, minorFaults < 0 || start.minorFaults < 0 ? -1
                : minorFaults - start.minorFaults);
    }
}
