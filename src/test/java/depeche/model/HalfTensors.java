package depeche.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Safetensors files of an F16 tensor {@code h} and a BF16 tensor {@code b}, both [2, 3]. */
final class HalfTensors {
    private HalfTensors() {
    }

    /** The file, with the raw bit patterns of {@code h} and {@code b}, six each. */
    static Path write(Path file, short[] f16, short[] bf16) throws IOException {
        String header = "{\"h\":{\"dtype\":\"F16\",\"shape\":[2,3],\"data_offsets\":[0,12]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2,3],\"data_offsets\":[12,24]}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(8 + json.length + 24).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(json.length).put(json);
        for (short value : f16) {
            bytes.putShort(value);
        }
        for (short value : bf16) {
            bytes.putShort(value);
        }
        return Files.write(file, bytes.array());
    }
}
