package depeche.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** The tiny HF-layout models under src/test/resources/fixtures and their golden.json files. */
public final class Fixtures {
    public static final String MARIAN = "tiny-marian";
    public static final String BART = "tiny-bart";

    private Fixtures() {
    }

    public static Path dir(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode golden(String name) {
        try {
            return new ObjectMapper().readTree(dir(name).resolve("golden.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the files of a fixture into {@code target}, except those named, and returns {@code target}. */
    public static Path copy(String name, Path target, String... except) {
        try (Stream<Path> files = Files.list(dir(name))) {
            Files.createDirectories(target);
            for (Path file : files.toList()) {
                if (!List.of(except).contains(file.getFileName().toString())) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long[] ids(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    public static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    /** The row without its trailing padding. */
    public static long[] stripTrailing(long[] row, long pad) {
        int end = row.length;
        while (end > 0 && row[end - 1] == pad) {
            end--;
        }
        return LongStream.of(row).limit(end).toArray();
    }

    public static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
