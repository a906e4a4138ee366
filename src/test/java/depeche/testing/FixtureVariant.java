package depeche.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A copy of a tiny fixture with edited files, written by a test at run time. Every edit checks that the text it
 * replaces is really there, once, so that a fixture change cannot silently turn a variant into the original.
 */
public final class FixtureVariant {
    private final Path dir;

    private FixtureVariant(Path dir) {
        this.dir = dir;
    }

    /** Copies {@code fixture} into {@code target} (created). */
    public static FixtureVariant of(String fixture, Path target) {
        return new FixtureVariant(Fixtures.copy(fixture, target));
    }

    /** A copy of tiny-bart in {@code parent/name}. */
    public static FixtureVariant bart(Path parent, String name) {
        return of(Fixtures.BART, parent.resolve(name));
    }

    /** A copy of tiny-marian in {@code parent/name}. */
    public static FixtureVariant marian(Path parent, String name) {
        return of(Fixtures.MARIAN, parent.resolve(name));
    }

    /** Replaces the single occurrence of {@code old} in {@code file} by {@code replacement}. */
    public FixtureVariant replace(String file, String old, String replacement) {
        String text = read(file);
        assertThat(text).as("%s of %s", file, dir).containsOnlyOnce(old);
        return write(file, text.replace(old, replacement));
    }

    /** Adds {@code "key": value} as the first entry of the JSON object in {@code file}. */
    public FixtureVariant addKey(String file, String key, String jsonValue) {
        String text = read(file);
        assertThat(text).as("%s of %s", file, dir).startsWith("{\n").doesNotContain("\"" + key + "\"");
        return write(file, "{\n  \"" + key + "\": " + jsonValue + ",\n" + text.substring(2));
    }

    /** Removes the line holding {@code "key": …,} from {@code file}. */
    public FixtureVariant removeKey(String file, String key) {
        String text = read(file);
        String line = text.lines().filter(l -> l.strip().startsWith("\"" + key + "\":")).findFirst()
                .orElseThrow(() -> new AssertionError(file + " of " + dir + " has no key " + key));
        assertThat(line).as("a one-line, not-last entry").endsWith(",");
        return replace(file, line + "\n", "");
    }

    public FixtureVariant delete(String file) {
        try {
            Files.delete(dir.resolve(file));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FixtureVariant write(String file, String content) {
        try {
            Files.writeString(dir.resolve(file), content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }
}
