package depeche.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The tiny model folders under src/test/resources/fixtures and their golden.json. */
final class Fixtures {
    static final String MARIAN = "tiny-marian";
    static final String BART = "tiny-bart";

    private Fixtures() {
    }

    static Path dir(String fixture) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + fixture).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode golden(String fixture) {
        try {
            return new ObjectMapper().readTree(dir(fixture).resolve("golden.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the files of a fixture into {@code target}, except those named, and returns {@code target}. */
    static Path copy(String fixture, Path target, String... except) {
        try (Stream<Path> files = Files.list(dir(fixture))) {
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

    static long[] ids(JsonNode array) {
        long[] ids = new long[array.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = array.get(i).asLong();
        }
        return ids;
    }
}
