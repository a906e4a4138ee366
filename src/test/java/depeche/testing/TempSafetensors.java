package depeche.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.model.weights.Checkpoint;
import depeche.model.weights.TensorData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** TEMPORARY stand-in until the weights package lands. */
public final class TempSafetensors implements Checkpoint {
    private final Path file;
    private final Map<String, TensorData> tensors = new HashMap<>();

    public TempSafetensors(Path file) throws IOException {
        this.file = file;
        byte[] all = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        long n = buf.getLong(0);
        JsonNode header = new ObjectMapper().readTree(new String(all, 8, (int) n, java.nio.charset.StandardCharsets.UTF_8));
        Iterator<Map.Entry<String, JsonNode>> it = header.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getKey().equals("__metadata__")) continue;
            JsonNode t = e.getValue();
            long[] shape = new long[t.get("shape").size()];
            for (int i = 0; i < shape.length; i++) shape[i] = t.get("shape").get(i).asLong();
            int a = (int) (8 + n + t.get("data_offsets").get(0).asLong());
            int b = (int) (8 + n + t.get("data_offsets").get(1).asLong());
            ByteBuffer d = ByteBuffer.allocateDirect(b - a).order(ByteOrder.LITTLE_ENDIAN);
            d.put(all, a, b - a).flip();
            tensors.put(e.getKey(), new TensorData(e.getKey(), TensorData.DType.valueOf(t.get("dtype").asText()), shape, d));
        }
    }

    public Path file() { return file; }
    public Set<String> names() { return tensors.keySet(); }
    public TensorData tensor(String name) { return tensors.get(name); }
    public void close() { }
}
