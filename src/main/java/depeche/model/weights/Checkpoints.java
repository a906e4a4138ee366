package depeche.model.weights;

import depeche.folder.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds and opens the weights of a HuggingFace model folder. */
public final class Checkpoints {
    /** In order of preference: safetensors needs no unpickling and maps without copying. */
    private static final List<String> WEIGHTS_FILES = List.of(
            "model.safetensors", "model.safetensors.index.json", "pytorch_model.bin", "pytorch_model.bin.index.json");
    private static final String LFS_POINTER_START = "version https://git-lfs";

    private Checkpoints() {
    }

    /**
     * Opens the weights of {@code modelDir}: the first of {@code model.safetensors},
     * {@code model.safetensors.index.json}, {@code pytorch_model.bin}, {@code pytorch_model.bin.index.json}
     * that exists. A sharded checkpoint is presented as one.
     *
     * @throws ModelException when there is none, or it is corrupt or unsafe
     */
    public static Checkpoint open(Path modelDir) {
        if (!Files.isDirectory(modelDir)) {
            throw new ModelException(modelDir, "is not a folder");
        }
        Path file = WEIGHTS_FILES.stream().map(modelDir::resolve).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new ModelException(modelDir,
                        "no weights: expected model.safetensors or pytorch_model.bin"));
        return file.getFileName().toString().endsWith(".index.json")
                ? ShardedCheckpoint.open(file, Checkpoints::openFile)
                : openFile(file);
    }

    /**
     * Names, dtypes, shapes and the parameter count of {@code modelDir}'s weights. Only headers are read: the
     * safetensors JSON header, or the pickle of a {@code .bin}.
     */
    public static WeightsSummary summarize(Path modelDir) {
        try (Checkpoint checkpoint = open(modelDir)) {
            List<TensorInfo> tensors = checkpoint.names().stream().map(checkpoint::info).toList();
            return new WeightsSummary(checkpoint.file(), tensors, checkpoint.parameterCount());
        }
    }

    /** One weights file, by its extension: {@code .safetensors}, else a {@code torch.save} file. */
    public static Checkpoint openFile(Path file) {
        rejectLfsPointer(file);
        return file.getFileName().toString().endsWith(".safetensors")
                ? SafetensorsCheckpoint.open(file)
                : PytorchCheckpoint.open(file);
    }

    /** A repo cloned without Git LFS has small text pointers where the weights should be: say so plainly. */
    private static void rejectLfsPointer(Path file) {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(LFS_POINTER_START.length());
        } catch (IOException e) {
            return; // the format's own reader reports an unreadable file
        }
        if (new String(start, StandardCharsets.US_ASCII).equals(LFS_POINTER_START)) {
            throw new ModelException(file, "is a Git LFS pointer, not the weights: fetch them with 'git lfs pull'");
        }
    }
}
