package depeche.testing;

import depeche.model.ModelConfig;
import depeche.model.Seq2SeqModel;
import depeche.model.weights.Checkpoint;
import depeche.model.weights.Checkpoints;
import java.nio.file.Path;

/** The network of a model folder, built as the project builds it, for tests that work below the tokenizer. */
public final class Networks {
    private Networks() {
    }

    /** The network of {@code dir} from the weights file the folder prefers; close it when done. */
    public static Seq2SeqModel load(Path dir) {
        try (Checkpoint weights = Checkpoints.open(dir)) {
            return Seq2SeqModel.load(ModelConfig.read(dir.resolve("config.json")), weights);
        }
    }

    /** The network of {@code dir} from one given weights file of it. */
    public static Seq2SeqModel load(Path dir, String weightsFile) {
        try (Checkpoint weights = Checkpoints.openFile(dir.resolve(weightsFile))) {
            return Seq2SeqModel.load(ModelConfig.read(dir.resolve("config.json")), weights);
        }
    }
}
