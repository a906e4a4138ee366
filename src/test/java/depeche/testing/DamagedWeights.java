package depeche.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Damages a {@code model.safetensors} in place, as a bad disk or a broken conversion would: one tensor's values. */
public final class DamagedWeights {
    private DamagedWeights() {
    }

    /**
     * Overwrites the F32 values at {@code indices} of tensor {@code name} with {@code value} (NaN, an infinity),
     * leaving every other byte of the file as it was.
     */
    public static void setF32(Path safetensors, String name, float value, int... indices) {
        try (FileChannel file = FileChannel.open(safetensors, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            file.read(length, 0);
            int headerSize = (int) length.flip().getLong();
            ByteBuffer header = ByteBuffer.allocate(headerSize);
            file.read(header, 8);
            JsonNode entry = new ObjectMapper().readTree(header.array()).get(name);
            if (entry == null || !entry.path("dtype").asText().equals("F32")) {
                throw new IllegalArgumentException(safetensors + " has no F32 tensor " + name);
            }
            long begin = 8L + headerSize + entry.path("data_offsets").get(0).asLong();
            for (int index : indices) {
                ByteBuffer bytes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value).flip();
                file.write(bytes, begin + 4L * index);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
