package depeche.tokenize;

import depeche.folder.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A folder that cannot give a tokenizer fails with one line that names the file at fault. */
class TokenizerErrorsTest {
    @TempDir
    Path tempDir;

    @Test
    void anEmptyFolderHasNoTokenizer() {
        assertThatThrownBy(() -> Tokenizers.load(tempDir))
                .isInstanceOf(ModelException.class)
                .hasMessage(tempDir + ": no tokenizer: expected source.spm+target.spm+vocab.json, tokenizer.json"
                        + " or vocab.json+merges.txt");
    }

    @Test
    void aFileIsNotAModelFolder() throws IOException {
        Path file = Files.writeString(tempDir.resolve("model.txt"), "");
        assertThatThrownBy(() -> Tokenizers.load(file)).isInstanceOf(ModelException.class).hasMessage(file + ": not a folder");
    }

    /**
     * A fixture with one file replaced ({@code content} non-null) or removed ({@code content} null).
     */
    record Damage(String description, TokenizerSetup setup, String file, String content) {
        @Override
        public String toString() {
            return setup + ": " + description;
        }
    }

    static Stream<Damage> damages() {
        return Stream.of(
                new Damage("vocab.json is not JSON", TokenizerSetup.MARIAN, "vocab.json", "{\"</s>\": 0,"),
                new Damage("vocab.json holds a list", TokenizerSetup.MARIAN, "vocab.json", "[1, 2]"),
                new Damage("vocab.json has a text id", TokenizerSetup.MARIAN, "vocab.json", "{\"</s>\": \"zero\"}"),
                new Damage("vocab.json lacks <pad>", TokenizerSetup.MARIAN, "vocab.json", "{\"</s>\": 0, \"<unk>\": 1}"),
                new Damage("source.spm is garbage", TokenizerSetup.MARIAN, "source.spm", "this is not a SentencePiece model"),
                new Damage("target.spm is empty", TokenizerSetup.MARIAN, "target.spm", ""),
                new Damage("target.spm is missing", TokenizerSetup.MARIAN, "target.spm", null),
                new Damage("vocab.json is missing", TokenizerSetup.MARIAN, "vocab.json", null),
                new Damage("tokenizer_config.json is not JSON", TokenizerSetup.MARIAN, "tokenizer_config.json", "{"),
                new Damage("eos_token is a number", TokenizerSetup.MARIAN, "special_tokens_map.json", "{\"eos_token\": 7}"),
                new Damage("separate_vocabs without target_vocab.json", TokenizerSetup.MARIAN, "target_vocab.json", null),
                new Damage("tokenizer.json is not JSON", TokenizerSetup.BART_TOKENIZER_JSON, "tokenizer.json", "{\"model\""),
                new Damage("tokenizer.json has an unknown model", TokenizerSetup.BART_TOKENIZER_JSON, "tokenizer.json",
                        "{\"version\": \"1.0\", \"model\": {\"type\": \"Nonsense\", \"vocab\": {}}}"),
                new Damage("vocab.json is not JSON", TokenizerSetup.BART_VOCAB_MERGES, "vocab.json", "not json"),
                new Damage("vocab.json lacks <mask>", TokenizerSetup.BART_VOCAB_MERGES, "vocab.json",
                        "{\"<s>\": 0, \"<pad>\": 1, \"</s>\": 2, \"<unk>\": 3}"),
                new Damage("a merges.txt line is not a pair", TokenizerSetup.BART_VOCAB_MERGES, "merges.txt", "#version: 0.2\nh e\nabc\n"),
                new Damage("merges.txt merges unknown tokens", TokenizerSetup.BART_VOCAB_MERGES, "merges.txt", "#version: 0.2\nq\u00e9 z\u00e9\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void aDamagedFileIsNamedInOneLine(Damage damage) throws IOException {
        Path folder = damage.setup().copy(tempDir);
        Path file = folder.resolve(damage.file());
        if (damage.content() == null) {
            Files.deleteIfExists(file);
        } else {
            Files.writeString(file, damage.content());
        }
        if (damage.file().equals("target_vocab.json")) {
            Files.writeString(folder.resolve("tokenizer_config.json"), "{\"separate_vocabs\": true}");
        }

        ModelException e = catchThrowableOfType(ModelException.class, () -> Tokenizers.load(folder).close());

        assertThat(e).as("no ModelException").isNotNull();
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.getMessage()).startsWith(file + ": ").doesNotContain("\n", "\r");
    }
}
