package depeche.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import depeche.tokenize.TokenizerKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelLayoutTest {

    @Test
    void theFixturesAreCompleteModels() {
        assertThat(ModelLayout.missing(HubTestSupport.fixture("tiny-marian"))).isEmpty();
        assertThat(ModelLayout.missing(HubTestSupport.fixture("tiny-bart"))).isEmpty();
    }

    @Test
    void saysWhatAFolderLacks() {
        assertThat(ModelLayout.missing(Set.of("vocab.json", "tf_model.h5"))).containsExactly(
                "config.json", "model.safetensors or pytorch_model.bin",
                "tokenizer files (source.spm+target.spm+vocab.json, tokenizer.json or vocab.json+merges.txt)");
    }

    @Test
    void aTokenizerSetWithAFileMissingIsNamedByTheFileItLacks() {
        assertThat(ModelLayout.missing(Set.of("config.json", "model.safetensors", "source.spm", "vocab.json",
                "tokenizer.json"))).as("the loader takes the Marian files first, so a tokenizer.json does not help")
                .containsExactly("target.spm (for the spm+vocab tokenizer)");
    }

    @Test
    void recognisesTheTokenizerKinds() {
        assertThat(TokenizerKind.of(Set.of("source.spm", "target.spm", "vocab.json"))).hasValue(TokenizerKind.SPM_VOCAB);
        assertThat(TokenizerKind.of(Set.of("vocab.json", "merges.txt"))).hasValue(TokenizerKind.VOCAB_MERGES);
        assertThat(TokenizerKind.of(Set.of("tokenizer.json", "vocab.json", "merges.txt")))
                .hasValue(TokenizerKind.TOKENIZER_JSON);
        assertThat(TokenizerKind.of(Set.of("tokenizer.json", "source.spm", "target.spm", "vocab.json")))
                .as("the same order as Tokenizers.load").hasValue(TokenizerKind.SPM_VOCAB);
        assertThat(TokenizerKind.of(Set.of("source.spm", "vocab.json"))).hasValue(TokenizerKind.SPM_VOCAB);
        assertThat(TokenizerKind.of(Set.of("vocab.json", "config.json"))).isEmpty();
    }

    @Test
    void selectionPrefersSafetensorsAndTakesOptionalFilesThatExist() {
        FileRequirements.Selection selection = FileRequirements.ANY_SUPPORTED_MODEL.select(Set.of("config.json",
                "pytorch_model.bin", "model.safetensors", "tf_model.h5", "vocab.json", "merges.txt", "README.md"));

        assertThat(selection.complete()).isTrue();
        assertThat(selection.files()).containsExactly("config.json", "model.safetensors", "vocab.json", "merges.txt");
    }

    @Test
    void safeNamesStayInsideTheirFolder() {
        Path dir = Path.of("/models/x");
        assertThat(SafeNames.resolveInside(dir, "config.json")).isEqualTo(Path.of("/models/x/config.json"));
        assertThat(SafeNames.resolveInside(dir, "onnx/model.onnx")).isEqualTo(Path.of("/models/x/onnx/model.onnx"));
        assertThat(SafeNames.isModelName("opus-mt-fr-en")).isTrue();
        assertThat(SafeNames.isRepoId("Helsinki-NLP/opus-mt-fr-en")).isTrue();
        assertThat(SafeNames.isRepoId("a/b/c")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil", "/etc/x", "a/../../b", "..", ".", "", "a//b", "a\\b", "C:x", "x/"})
    void unsafeNamesAreRefused(String name) {
        assertThat(SafeNames.isRelativeFileName(name)).isFalse();
        assertThatThrownBy(() -> SafeNames.resolveInside(Path.of("/models/x"), name))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void modelNamesCannotBeOurDotFoldersOrPaths() {
        for (String name : List.of(".partial", "../x", "a/b", "..x", "")) {
            assertThat(SafeNames.isModelName(name)).as(name).isFalse();
        }
    }
}
