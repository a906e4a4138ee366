package depeche.model.weights;

import depeche.model.weights.PreparedWeightsFile.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the {@link PreparedWeights} files live and which checkpoints get one. Read from the environment, first
 * match wins:
 * <ul>
 *   <li>system property {@code depeche.weightsCache.dir}: the folder of the cache files, or {@code off};</li>
 *   <li>environment variable {@code DEPECHE_CACHE}: {@code off}, or a folder whose {@code weights/} holds them;</li>
 *   <li>otherwise {@code ${XDG_CACHE_HOME:-$HOME/.cache}/depeche/weights}.</li>
 * </ul>
 * Only checkpoints of at least {@link #DEFAULT_MIN_BYTES} (all their files together) are cached: smaller ones load
 * fast anyway, and the test fixtures must not litter the user's cache. System property
 * {@code depeche.weightsCache.minBytes} changes the threshold (tests set it to 0).
 *
 * <p>Each checkpoint has one file, named after its model folder and a hash of the weights file's canonical path
 * ({@code opus-mt-fr-en-1a2b3c4d5e6f.prepared}), so a model fetched again or edited replaces its file instead of
 * adding one. A file takes about the size of the weights it derives (300 MB for opus-mt-fr-en).
 *
 * @param folder   where the cache files are; empty when the cache is off
 * @param minBytes the smallest checkpoint that is cached, in bytes
 */
public record PreparedWeightsCache(Optional<Path> folder, long minBytes) {
    public static final long DEFAULT_MIN_BYTES = 64L << 20;
    public static final String FOLDER_PROPERTY = "depeche.weightsCache.dir";
    public static final String MIN_BYTES_PROPERTY = "depeche.weightsCache.minBytes";
    public static final String ENVIRONMENT = "DEPECHE_CACHE";
    private static final String OFF = "off";

    /** The settings of this process: its system properties and environment. */
    public static PreparedWeightsCache fromEnvironment() {
        return from(System::getenv, System::getProperty);
    }

    /** The settings given by {@code env} (variables) and {@code properties} (system properties). */
    static PreparedWeightsCache from(Function<String, String> env, Function<String, String> properties) {
        long minBytes = DEFAULT_MIN_BYTES;
        String min = properties.apply(MIN_BYTES_PROPERTY);
        if (min != null) {
            try {
                minBytes = Long.parseLong(min.strip());
            } catch (NumberFormatException e) {
                // A developer's setting: a typo keeps the default rather than stopping a translation.
            }
        }
        try {
            return new PreparedWeightsCache(folder(env, properties), minBytes);
        } catch (InvalidPathException e) {
            return off(); // a folder name this file system cannot have: no cache, rather than no translation
        }
    }

    private static Optional<Path> folder(Function<String, String> env, Function<String, String> properties) {
        Optional<String> property = set(properties.apply(FOLDER_PROPERTY));
        if (property.isPresent()) {
            return property.filter(p -> !p.equalsIgnoreCase(OFF)).map(Path::of);
        }
        Optional<String> cache = set(env.apply(ENVIRONMENT));
        if (cache.isPresent()) {
            return cache.filter(c -> !c.equalsIgnoreCase(OFF)).map(c -> Path.of(c, "weights"));
        }
        return set(env.apply("XDG_CACHE_HOME")).map(Path::of)
                .or(() -> set(env.apply("HOME")).or(() -> set(properties.apply("user.home")))
                        .map(home -> Path.of(home, ".cache")))
                .map(root -> root.resolve("depeche").resolve("weights"));
    }

    private static Optional<String> set(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** No cache at all. */
    public static PreparedWeightsCache off() {
        return new PreparedWeightsCache(Optional.empty(), DEFAULT_MIN_BYTES);
    }

    /** A cache in {@code folder} for checkpoints of at least {@code minBytes}. */
    public static PreparedWeightsCache in(Path folder, long minBytes) {
        return new PreparedWeightsCache(Optional.of(folder), minBytes);
    }

    /**
     * The prepared arrays of {@code checkpoint}: its cache file when one is trusted, else an empty cache that
     * writes one; {@link PreparedWeights#off()} when the cache is off, the checkpoint is small, or its files
     * cannot be inspected. Never fails.
     */
    public PreparedWeights open(Checkpoint checkpoint) {
        if (folder.isEmpty()) {
            return PreparedWeights.off();
        }
        try {
            List<Source> sources = new ArrayList<>();
            for (Path file : checkpoint.files()) {
                sources.add(Source.of(file));
            }
            if (sources.stream().mapToLong(Source::size).sum() < minBytes) {
                return PreparedWeights.off();
            }
            return PreparedWeights.open(folder.get().resolve(fileName(checkpoint.file().toRealPath())), sources);
        } catch (IOException | RuntimeException e) {
            return PreparedWeights.off();
        }
    }

    /** {@code <model folder>-<12 hex digits of the SHA-256 of the canonical path>.prepared}. */
    static String fileName(Path canonicalWeights) {
        Path parent = canonicalWeights.getParent();
        String model = parent == null || parent.getFileName() == null ? "model" : parent.getFileName().toString();
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(
                    canonicalWeights.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        return model.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + HexFormat.of().formatHex(hash, 0, 6)
                + PreparedWeightsWriter.SUFFIX;
    }
}
