package depeche.tokenize;

import depeche.folder.ModelFiles;
import depeche.folder.ModelException;

import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the tokenizer of a HuggingFace model folder, choosing the implementation by the files the folder holds. */
public final class Tokenizers {
    private Tokenizers() {
    }

    /**
     * The tokenizer of {@code modelDir}, to be closed by the caller:
     * <ul>
     *   <li>{@code source.spm} (+ {@code target.spm}, {@code vocab.json}): Marian. It comes first because
     *       transformers has no fast Marian tokenizer, so a tokenizer.json beside it would not be what HF uses;</li>
     *   <li>{@code tokenizer.json}: HF tokenizers, run by the Rust library;</li>
     *   <li>{@code vocab.json} + {@code merges.txt}: byte-level BPE (GPT-2, BART, RoBERTa), turned into the
     *       tokenizer.json that transformers would make of them.</li>
     * </ul>
     *
     * @throws ModelException when no tokenizer is there, or a file of it is missing, unreadable or corrupt
     */
    public static TextTokenizer load(Path modelDir) {
        if (!Files.isDirectory(modelDir)) {
            throw new ModelException(modelDir, "not a folder");
        }
        if (Files.exists(modelDir.resolve(MarianTokenizer.SOURCE_SPM))) {
            return MarianTokenizer.load(modelDir, TokenizerSettings.read(modelDir));
        }
        Path tokenizerJson = modelDir.resolve(HuggingFaceJsonTokenizer.TOKENIZER_JSON);
        if (Files.exists(tokenizerJson)) {
            return HuggingFaceJsonTokenizer.of(ModelFiles.readJsonObject(tokenizerJson), tokenizerJson);
        }
        Path merges = modelDir.resolve(ByteLevelBpeDefinition.MERGES);
        if (Files.exists(modelDir.resolve(ByteLevelBpeDefinition.VOCAB)) && Files.exists(merges)) {
            return HuggingFaceJsonTokenizer.of(ByteLevelBpeDefinition.build(modelDir, TokenizerSettings.read(modelDir)), merges);
        }
        throw new ModelException(modelDir,
                "no tokenizer: expected tokenizer.json, or source.spm+target.spm+vocab.json, or vocab.json+merges.txt");
    }
}
