package depeche.model.weights;

import com.fasterxml.jackson.databind.JsonNode;
import depeche.folder.ModelException;
import depeche.model.weights.TensorData.DType;
import depeche.text.OneLine;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code .safetensors} file: an 8-byte little-endian header length, a JSON header, then the data section.
 * Opening reads and checks the header only; each tensor is then a read-only memory mapping of its bytes.
 * Mapping per tensor (rather than the whole file) keeps files over 2 GiB readable.
 */
public final class SafetensorsCheckpoint extends AbstractCheckpoint {
    /** The reference implementation's limit; it also bounds what a corrupt length makes us allocate. */
    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, Long> dataOffsets;

    private SafetensorsCheckpoint(Path file, FileChannel channel, long dataStart, Map<String, TensorInfo> infos,
                                  Map<String, Long> dataOffsets) {
        super(file, infos);
        this.channel = channel;
        this.dataStart = dataStart;
        this.dataOffsets = dataOffsets;
    }

    /** Opens {@code file} and checks its whole header against the file size. */
    public static SafetensorsCheckpoint open(Path file) {
        FileChannel channel = FileBytes.openChannel(file);
        try {
            long fileSize = channel.size();
            long headerSize = readHeaderSize(file, channel, fileSize);
            byte[] headerBytes = FileBytes.readFully(file, channel, 8, (int) headerSize).array();
            JsonNode header = JsonFiles.object(file, headerBytes, "header");
            long dataStart = 8 + headerSize;
            Map<String, TensorInfo> infos = new LinkedHashMap<>();
            Map<String, Long> offsets = new HashMap<>();
            for (Map.Entry<String, JsonNode> field : header.properties()) {
                if (!field.getKey().equals("__metadata__")) {
                    Located tensor = checkEntry(file, field.getKey(), field.getValue(), fileSize - dataStart);
                    infos.put(tensor.info().name(), tensor.info());
                    offsets.put(tensor.info().name(), tensor.begin());
                }
            }
            return new SafetensorsCheckpoint(file, channel, dataStart, infos, offsets);
        } catch (IOException e) {
            FileBytes.closeQuietly(channel);
            throw FileBytes.unreadable(file, e);
        } catch (RuntimeException e) {
            FileBytes.closeQuietly(channel);
            throw e;
        }
    }

    private static long readHeaderSize(Path file, FileChannel channel, long fileSize) throws IOException {
        if (fileSize < 8) {
            throw new ModelException(file, "the file has only " + fileSize
                    + " bytes, too few for the 8-byte safetensors header length");
        }
        long headerSize = FileBytes.readFully(file, channel, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        // Compared unsigned: a length with the top bit set is a huge number, not a negative one.
        if (Long.compareUnsigned(headerSize, fileSize - 8) > 0) {
            throw new ModelException(file, "header claims " + Long.toUnsignedString(headerSize)
                    + " bytes but the file has only " + (fileSize - 8) + " after its 8-byte length");
        }
        if (headerSize > MAX_HEADER_BYTES) {
            throw new ModelException(file, "header claims " + headerSize
                    + " bytes, more than the 100 MiB a safetensors header may have");
        }
        return headerSize;
    }

    /** A tensor and where its bytes begin in the data section. */
    private record Located(TensorInfo info, long begin) {
    }

    /** Checks one header entry: its dtype is known, and its offsets lie in the data section and fit its shape. */
    private static Located checkEntry(Path file, String name, JsonNode entry, long dataSize) {
        String where = "tensor '" + name + "'";
        if (!entry.isObject()) {
            throw new ModelException(file, where + " has a header entry that is not a JSON object");
        }
        JsonNode dtypeNode = entry.get("dtype");
        if (dtypeNode == null || !dtypeNode.isTextual()) {
            throw new ModelException(file, where + " has no dtype");
        }
        DType dtype;
        try {
            dtype = DType.valueOf(dtypeNode.asText());
        } catch (IllegalArgumentException e) {
            throw new ModelException(file, where + " has unknown dtype '" + dtypeNode.asText() + "'");
        }
        long[] shape = naturals(file, where, "shape", entry.get("shape"));
        long[] offsets = naturals(file, where, "data_offsets", entry.get("data_offsets"));
        if (offsets.length != 2 || offsets[0] > offsets[1]) {
            throw new ModelException(file, where + " has data_offsets " + Arrays.toString(offsets)
                    + ", which are not a [begin, end] pair");
        }
        if (offsets[1] > dataSize) {
            throw new ModelException(file, where + " claims bytes [" + offsets[0] + "," + offsets[1]
                    + ") but the data section has only " + dataSize + " bytes: the file is truncated or corrupt");
        }
        TensorInfo info = new TensorInfo(name, dtype, shape);
        long needed;
        try {
            needed = info.byteSize();
        } catch (ArithmeticException e) {
            throw new ModelException(file, where + " has shape " + Arrays.toString(shape) + ", too large to exist");
        }
        if (offsets[1] - offsets[0] != needed) {
            throw new ModelException(file, where + " has shape " + Arrays.toString(shape) + " of " + dtype
                    + ", which needs " + needed + " bytes, but its data_offsets [" + offsets[0] + "," + offsets[1]
                    + ") hold " + (offsets[1] - offsets[0]));
        }
        return new Located(info, offsets[0]);
    }

    /** A JSON array of non-negative integers. */
    private static long[] naturals(Path file, String where, String field, JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new ModelException(file, where + " has no " + field + " array");
        }
        long[] values = new long[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = node.get(i);
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
                throw new ModelException(file, where + " has " + field + " " + node
                        + ", which are not all non-negative integers");
            }
            values[i] = value.asLong();
        }
        return values;
    }

    @Override
    ByteBuffer read(TensorInfo info) {
        try {
            return channel.map(FileChannel.MapMode.READ_ONLY, dataStart + dataOffsets.get(info.name()),
                    info.bufferSize(file())).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new ModelException(file(), "cannot map tensor '" + info.name() + "': " + OneLine.of(e), e);
        }
    }

    /** Each tensor is a mapping of its own (see {@link #read}), so nothing else can be reading it. */
    @Override
    public void release(TensorData tensor) {
        MappedBuffers.unmap(tensor.data());
    }

    @Override
    public void close() {
        FileBytes.closeQuietly(channel);
    }
}
