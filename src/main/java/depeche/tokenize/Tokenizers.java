package depeche.tokenize;

import ai.djl.huggingface.tokenizers.jni.LibUtils;
import ai.djl.sentencepiece.SpProcessor;
import depeche.folder.ModelException;
import depeche.folder.ModelFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Loads the tokenizer of a HuggingFace model folder, choosing the implementation by the files the folder holds. */
public final class Tokenizers {
    private Tokenizers() {
    }

    /**
     * The tokenizer of {@code modelDir}, to be closed by the caller, of the first {@link TokenizerKind} the folder
     * holds.
     *
     * @throws ModelException when no tokenizer is there, or a file of it is missing, unreadable or corrupt
     */
    public static TextTokenizer load(Path modelDir) {
        if (!Files.isDirectory(modelDir)) {
            throw new ModelException(modelDir, "not a folder");
        }
        TokenizerKind kind = TokenizerKind.of(fileNames(modelDir)).orElseThrow(() -> new ModelException(modelDir,
                "no tokenizer: expected " + TokenizerKind.alternatives()));
        return switch (kind) {
            case SPM_VOCAB -> MarianTokenizer.load(modelDir, TokenizerSettings.read(modelDir));
            case TOKENIZER_JSON -> {
                Path file = modelDir.resolve(HuggingFaceJsonTokenizer.TOKENIZER_JSON);
                yield HuggingFaceJsonTokenizer.of(ModelFiles.readJsonObject(file), file);
            }
            case VOCAB_MERGES -> HuggingFaceJsonTokenizer.of(
                    ByteLevelBpeDefinition.build(modelDir, TokenizerSettings.read(modelDir)),
                    modelDir.resolve(ByteLevelBpeDefinition.MERGES));
        };
    }

    /**
     * Loads the native libraries that tokenizers of {@code kinds} run on now, instead of at their first use: so that
     * a command can load them before libtorch, beside which loading them would wait (see {@code
     * depeche.model.TorchRuntime#startInBackground(Runnable)}). A library that does not load is left to that use,
     * which reports it.
     */
    public static void loadNativeLibraries(Collection<TokenizerKind> kinds) {
        for (TokenizerKind kind : kinds) {
            try {
                switch (kind) {
                    // SentencePiece's library loads when its processor class is initialised.
                    case SPM_VOCAB -> Class.forName(SpProcessor.class.getName(), true, SpProcessor.class.getClassLoader());
                    case TOKENIZER_JSON, VOCAB_MERGES -> LibUtils.checkStatus();
                }
            } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
                // Reported where the tokenizer is loaded.
            }
        }
    }

    /** The names of the files directly inside {@code dir}. */
    public static Set<String> fileNames(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString())
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
