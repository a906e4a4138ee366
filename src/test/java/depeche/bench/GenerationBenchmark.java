package depeche.bench;

import depeche.model.Seq2SeqModel;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Speed of generation on the opus-mt-fr-en shape with the seed-article workload (src/test/resources/bench):
 * 15 sentences, each asked for exactly as many tokens as its source has, beam 4, at 1 and 8 sentences per call
 * ({@link Workload} says how a batched call counts).
 *
 * <p>Why the figures are ratios to a baseline run call by call beside the code under test: the machines are
 * shared (2 cores, other builds come and go), and the same code's tokens/s drifts by 2× to 10× between runs
 * minutes apart. A baseline timed in another run, or even in the next minute, compares nothing. So both
 * variants are loaded in this one JVM (each in its own class loader, DJL shared) and take turns call by call,
 * alternating which goes first; a call lasts seconds, both of a pair see the same machine, and the median of the
 * paired ratios shrugs off the odd disturbed call. The baseline is this code as it was at a git revision,
 * compiled on the fly: by default {@value #BEFORE_PERF_WORK}, the plain decode path before any performance work.
 * That answers the question that matters (how much faster than that code, here, now) without keeping a
 * reference copy of the model in the sources. Both must generate the same ids, and are checked call by call.
 * Peak RSS needs a process of its own, so each variant then runs one more pass alone for it.
 *
 * <p>System properties: {@code bench.baseline} another revision ({@code HEAD} for an A/A noise check,
 * {@code HEAD~1} for the last commit alone) or {@code none}; {@code bench.rounds} passes per variant (default 3);
 * {@code bench.rss=false} skips the RSS runs; {@code bench.model} the model folder (default target/bench-opus-mt,
 * written on first use); {@code ai.djl.*} properties reach the RSS runs too. Memory soak: run
 * {@link BenchmarkRun} with {@code soak}.
 */
public final class GenerationBenchmark {
    static final String BEFORE_PERF_WORK = "85fe06079667c04d90d68167355890162f95d592";
    private static final int[] PER_CALL = {1, 8};

    /** One variant's loaded session, driven by reflection across the class-loader boundary. */
    private record Variant(String name, Path classes, AutoCloseable session, Method warmUp, Method generate) {
        long[] generate(int perCall, int call) throws ReflectiveOperationException {
            return (long[]) generate.invoke(session, perCall, call);
        }
    }

    private GenerationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(System.getProperty("bench.model", "target/bench-opus-mt")).toAbsolutePath();
        if (!Files.exists(model.resolve("model.safetensors"))) {
            OpusMtShape.createFolder(model);
        }
        int rounds = Integer.getInteger("bench.rounds", 3);
        String revision = System.getProperty("bench.baseline", BEFORE_PERF_WORK);
        List<Variant> variants = new ArrayList<>();
        if (!revision.equals("none")) {
            variants.add(load("baseline", BaselineBuild.classes(revision, libraries()), model));
        }
        variants.add(load("current", codeLocation(Seq2SeqModel.class), model));
        System.out.printf("baseline %s; %d rounds, calls interleaved; %d cores%n", revision, rounds,
                Runtime.getRuntime().availableProcessors());
        Workload workload = Workload.seedArticle();
        try {
            for (int perCall : PER_CALL) {
                for (Variant v : variants) {
                    v.warmUp().invoke(v.session(), perCall);
                }
                measure(variants, workload, perCall, rounds);
            }
        } finally {
            for (Variant v : variants) {
                v.session().close();
            }
        }
        if (Boolean.parseBoolean(System.getProperty("bench.rss", "true"))) {
            System.out.println();
            for (int perCall : PER_CALL) {
                for (Variant v : variants) {
                    System.out.printf(Locale.ROOT, "peak RSS, %d per call, %-8s: %s%n", perCall, v.name(),
                            peakRssAlone(v, model, perCall));
                }
            }
        }
    }

    private static void measure(List<Variant> variants, Workload workload, int perCall, int rounds)
            throws ReflectiveOperationException {
        int calls = workload.calls(perCall).size();
        double[][] seconds = new double[variants.size()][rounds];
        List<Double> pairRatios = new ArrayList<>();
        long generated = 0;
        boolean sameIds = true;
        for (int round = 0; round < rounds; round++) {
            for (int call = 0; call < calls; call++) {
                double[] took = new double[variants.size()];
                long[][] out = new long[variants.size()][];
                for (int k = 0; k < variants.size(); k++) {
                    int v = (round + call + k) % variants.size(); // alternate who goes first
                    long start = System.nanoTime();
                    out[v] = variants.get(v).generate(perCall, call);
                    took[v] = (System.nanoTime() - start) / 1e9;
                    seconds[v][round] += took[v];
                }
                sameIds &= Arrays.stream(out).allMatch(o -> o[1] == out[0][1]);
                if (round == 0) {
                    generated += out[0][0];
                }
                if (variants.size() == 2) {
                    pairRatios.add(took[0] / took[1]);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nbeam 4, %d sentence(s) per call: %d target tokens a pass (%d generated)%n",
                perCall, workload.targetTokens(), generated);
        for (int v = 0; v < variants.size(); v++) {
            double[] rates = Arrays.stream(seconds[v]).map(s -> workload.targetTokens() / s).toArray();
            System.out.printf(Locale.ROOT, "  %-8s %6.1f tokens/s median (rounds: %s)%n", variants.get(v).name(),
                    quantile(rates, 0.5), format(rates));
        }
        if (variants.size() == 2) {
            double[] roundRatios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                roundRatios[r] = seconds[0][r] / seconds[1][r];
            }
            double[] ratios = pairRatios.stream().mapToDouble(Double::doubleValue).toArray();
            System.out.printf(Locale.ROOT, "  current/baseline %.2fx: median of %d paired calls (quartiles %.2f-%.2f);"
                            + " round totals %s; same ids: %s%n", quantile(ratios, 0.5), ratios.length,
                    quantile(ratios, 0.25), quantile(ratios, 0.75), format(roundRatios), sameIds ? "yes" : "NO");
        }
    }

    private static Variant load(String name, Path classes, Path model) throws Exception {
        ClassLoader loader = new VariantClassLoader(classes, codeLocation(BenchSession.class));
        Class<?> type = loader.loadClass(BenchSession.class.getName());
        AutoCloseable session = (AutoCloseable) type.getConstructor(String.class).newInstance(model.toString());
        return new Variant(name, classes, session, type.getMethod("warmUp", int.class),
                type.getMethod("generate", int.class, int.class));
    }

    /** Runs {@link BenchmarkRun} on the variant's classes in a fresh JVM; gives its peak RSS and speed. */
    private static String peakRssAlone(Variant variant, Path model, int perCall)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("ai.djl."))
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.addAll(List.of("-cp", String.join(File.pathSeparator, variant.classes().toString(),
                        codeLocation(BenchmarkRun.class).toString(), libraries()),
                BenchmarkRun.class.getName(), model.toString(), Integer.toString(perCall)));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        if (p.waitFor() != 0 || result == null) {
            throw new IllegalStateException(variant.name() + " run failed (exit " + p.exitValue() + ")");
        }
        long kb = Long.parseLong(field(result, "peak_rss_kb"));
        double rate = Double.parseDouble(field(result, "target_tokens")) / Double.parseDouble(field(result, "seconds"));
        return String.format(Locale.ROOT, "%d MB (that pass alone: %.1f tokens/s)", kb / 1024, rate);
    }

    private static String field(String resultLine, String name) {
        for (String field : resultLine.substring("RESULT ".length()).split(" ")) {
            if (field.startsWith(name + "=")) {
                return field.substring(name.length() + 1);
            }
        }
        throw new IllegalStateException("no " + name + " in " + resultLine);
    }

    /** This JVM's class path without depeche's own folders: the libraries every variant runs on. */
    private static String libraries() {
        List<String> own = List.of(codeLocation(Seq2SeqModel.class).toString(),
                codeLocation(BenchSession.class).toString());
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !own.contains(Path.of(p).toAbsolutePath().normalize().toString()))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static Path codeLocation(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath()
                    .normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String format(double[] values) {
        return Arrays.stream(values).mapToObj(x -> String.format(Locale.ROOT, "%.2f", x))
                .collect(Collectors.joining(" "));
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
