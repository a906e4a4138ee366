package depeche.model.weights;

import com.fasterxml.jackson.databind.JsonNode;
import depeche.folder.ModelException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A checkpoint split into shards by an index ({@code model.safetensors.index.json} or
 * {@code pytorch_model.bin.index.json}) whose {@code weight_map} gives each tensor's shard file; the shards are
 * presented as one checkpoint. Shard names must be plain file names in the index's folder.
 */
final class ShardedCheckpoint extends AbstractCheckpoint {
    private final List<Checkpoint> shards;
    private final Map<String, Checkpoint> shardOf;

    private ShardedCheckpoint(Path index, Map<String, TensorInfo> infos, List<Checkpoint> shards,
                              Map<String, Checkpoint> shardOf) {
        super(index, infos);
        this.shards = shards;
        this.shardOf = shardOf;
    }

    /** Opens every shard that {@code index} names, with {@code openShard}, and checks it holds its tensors. */
    static ShardedCheckpoint open(Path index, Function<Path, Checkpoint> openShard) {
        Map<String, String> weightMap = weightMap(index);
        Map<String, Checkpoint> byFile = new LinkedHashMap<>();
        try {
            Map<String, TensorInfo> infos = new LinkedHashMap<>();
            Map<String, Checkpoint> shardOf = new HashMap<>();
            weightMap.forEach((name, shardFile) -> {
                Checkpoint shard = byFile.computeIfAbsent(shardFile, f -> openShard.apply(index.resolveSibling(f)));
                if (!shard.names().contains(name)) {
                    throw new ModelException(index, "weight_map puts tensor '" + name + "' in " + shardFile
                            + ", which does not hold it");
                }
                infos.put(name, shard.info(name));
                shardOf.put(name, shard);
            });
            return new ShardedCheckpoint(index, infos, new ArrayList<>(byFile.values()), shardOf);
        } catch (RuntimeException e) {
            byFile.values().forEach(Checkpoint::close);
            throw e;
        }
    }

    private static Map<String, String> weightMap(Path index) {
        JsonNode json;
        try {
            json = JsonFiles.object(index, Files.readAllBytes(index), "index");
        } catch (IOException e) {
            throw FileBytes.unreadable(index, e);
        }
        JsonNode weightMap = json.get("weight_map");
        if (weightMap == null || !weightMap.isObject() || weightMap.isEmpty()) {
            throw new ModelException(index, "index has no weight_map of tensor names to shard files");
        }
        Map<String, String> shardFiles = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : weightMap.properties()) {
            String shardFile = entry.getValue().asText();
            // A path, "..", or an absolute name would read outside the model folder.
            if (!entry.getValue().isTextual() || !shardFile.matches("[^/\\\\]+") || shardFile.matches("\\.+")) {
                throw new ModelException(index, "weight_map gives tensor '" + entry.getKey() + "' the shard "
                        + entry.getValue() + ", which is not a file name in the model folder");
            }
            shardFiles.put(entry.getKey(), shardFile);
        }
        return shardFiles;
    }

    @Override
    ByteBuffer read(TensorInfo info) {
        return shardOf.get(info.name()).tensor(info.name()).data();
    }

    /** Each shard's distinct names, in index order. */
    @Override
    public Set<String> distinctNames() {
        Set<String> names = new LinkedHashSet<>();
        shards.forEach(shard -> names.addAll(shard.distinctNames()));
        Set<String> ordered = new LinkedHashSet<>(names());
        ordered.retainAll(names);
        return Collections.unmodifiableSet(ordered);
    }

    @Override
    public Path fileOf(String name) {
        Checkpoint shard = shardOf.get(name);
        return shard == null ? file() : shard.fileOf(name);
    }

    @Override
    public void release(TensorData tensor) {
        shardOf.get(tensor.name()).release(tensor);
    }

    @Override
    public long parameterCount() {
        return shards.stream().mapToLong(Checkpoint::parameterCount).sum();
    }

    @Override
    public void close() {
        shards.forEach(Checkpoint::close);
    }
}
