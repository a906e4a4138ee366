package depeche.model.weights;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Test resources, and the files the tests craft: safetensors with a given header, zips laid out by torch.save. */
final class TestFiles {
    private TestFiles() {
    }

    /** A file or folder under src/test/resources, e.g. {@code fixtures/tiny-marian}. */
    static Path resource(String path) {
        try {
            return Path.of(TestFiles.class.getResource("/" + path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A safetensors file: the 8-byte little-endian length of {@code header}, the header, then {@code data}. */
    static Path safetensors(Path file, String header, byte[] data) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        return write(file, bytes.putLong(json.length).put(json).put(data).array());
    }

    /** A safetensors file holding each given F32 tensor as a vector. */
    static Path safetensors(Path file, Map<String, float[]> tensors) {
        StringBuilder header = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        ByteBuffer data = ByteBuffer.allocate(tensors.values().stream().mapToInt(t -> 4 * t.length).sum())
                .order(ByteOrder.LITTLE_ENDIAN);
        tensors.forEach((name, values) -> {
            header.append(String.format(",\"%s\":{\"dtype\":\"F32\",\"shape\":[%d],\"data_offsets\":[%d,%d]}",
                    name, values.length, data.position(), data.position() + 4 * values.length));
            for (float v : values) {
                data.putFloat(v);
            }
        });
        return safetensors(file, header.append('}').toString(), data.array());
    }

    /** A zip laid out as torch.save writes it, with {@code archive/data.pkl} holding {@code pickle}. */
    static Path torchZip(Path file, byte[] pickle) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            putEntry(zip, "archive/data.pkl", pickle);
            putEntry(zip, "archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return write(file, bytes.toByteArray());
    }

    /**
     * A copy of the zip {@code source} in which {@code edit} maps each entry's name and bytes to new bytes, or to
     * null to leave the entry out; {@code extra} entries are added.
     */
    static Path editZip(Path source, Path target, BiFunction<String, byte[], byte[]> edit, Map<String, byte[]> extra) {
        try (ZipFile in = new ZipFile(source.toFile()); OutputStream out = Files.newOutputStream(target);
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] edited = edit.apply(entry.getName(), in.getInputStream(entry).readAllBytes());
                if (edited != null) {
                    putEntry(zip, entry.getName(), edited);
                }
            }
            for (Map.Entry<String, byte[]> entry : extra.entrySet()) {
                putEntry(zip, entry.getKey(), entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private static void putEntry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
