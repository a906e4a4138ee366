package depeche.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU-bound processes started beside a benchmark, to see how generation copes with a machine it shares (a nightly
 * job shares its server). Each is a JVM spinning on one core; each ends when closed, or when this process ends
 * (it stops when its standard input closes).
 */
public final class BusyNeighbours implements AutoCloseable {
    private final List<Process> processes;

    private BusyNeighbours(List<Process> processes) {
        this.processes = processes;
    }

    /** Starts {@code count} spinning processes (none for 0). */
    public static BusyNeighbours start(int count) throws IOException {
        List<Process> started = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        try {
            for (int i = 0; i < count; i++) {
                started.add(new ProcessBuilder(java, "-Xmx16m", "-cp", classPath, Spin.class.getName())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start());
            }
        } catch (IOException | RuntimeException e) {
            new BusyNeighbours(started).close();
            throw e;
        }
        return new BusyNeighbours(started);
    }

    /** How many are running. */
    public int count() {
        return processes.size();
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One neighbour: spins until its standard input closes (its parent ended) or it is killed. */
    public static final class Spin {
        private Spin() {
        }

        public static void main(String[] args) throws IOException {
            Thread spinner = new Thread(() -> {
                long x = 0;
                while (true) {
                    x = x * 6364136223846793005L + 1442695040888963407L;
                    if (x == 42) {
                        System.out.println(x); // never: keeps the loop from being optimised away
                    }
                }
            });
            spinner.setDaemon(true);
            spinner.start();
            while (System.in.read() >= 0) {
                // waits for the parent to go away
            }
            System.exit(0);
        }
    }
}
