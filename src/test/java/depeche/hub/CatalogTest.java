package depeche.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import depeche.folder.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
    @TempDir
    Path temp;

    @Test
    void theBundledCatalogIsTheOneInTheModelsFolderOfTheRepository() throws IOException {
        assertThat(Catalog.class.getResourceAsStream("/depeche/hub/catalog.json").readAllBytes())
                .isEqualTo(Files.readAllBytes(Path.of("models", Catalog.FILE_NAME)));
    }

    @Test
    void theDefaultsAreOpusMtAndDistilbartPinnedToCommits() {
        Catalog catalog = Catalog.bundled();

        CatalogEntry translation = catalog.defaultFor(Role.TRANSLATION);
        assertThat(translation.name()).isEqualTo("opus-mt-fr-en");
        assertThat(translation.repo()).isEqualTo("Helsinki-NLP/opus-mt-fr-en");
        assertThat(translation.revision()).isEqualTo("b4a9a384c2ec68a224bbd2ee3fd5df0c71ca5b1b");
        assertThat(translation.fetchCommand()).isEqualTo("depeche models fetch opus-mt-fr-en");
        CatalogEntry summarization = catalog.defaultFor(Role.SUMMARIZATION);
        assertThat(summarization.name()).isEqualTo("distilbart-cnn-6-6");
        assertThat(summarization.repo()).isEqualTo("sshleifer/distilbart-cnn-6-6");
        assertThat(catalog.named("distilbart-cnn-12-6").orElseThrow().revision())
                .isEqualTo("a4f8f3ea906ed274767e9906dbaede7531d660ff");
        assertThat(catalog.defaults()).extracting(CatalogEntry::name)
                .containsExactly("opus-mt-fr-en", "distilbart-cnn-6-6");
    }

    @Test
    void everyCatalogModelNeedsConfigWeightsAndATokenizer() {
        for (CatalogEntry entry : Catalog.bundled().entries()) {
            assertThat(entry.files().required()).as(entry.name())
                    .contains(List.of("config.json"), List.of("model.safetensors", "pytorch_model.bin"));
            Set<String> named = new HashSet<>(entry.files().optional());
            entry.files().required().forEach(named::addAll);
            assertThat(ModelLayout.missing(named)).as(entry.name()).isEmpty();
        }
    }

    @Test
    void theCatalogInTheModelsFolderWinsOverTheBundledOne() {
        Path models = HubTestSupport.modelsDirWithTestCatalog(temp);

        Catalog catalog = Catalog.load(models);

        assertThat(catalog.defaultFor(Role.TRANSLATION).name()).isEqualTo("tiny-marian");
        assertThat(catalog.source()).isEqualTo(models.resolve(Catalog.FILE_NAME).toString());
    }

    @Test
    void withoutACatalogInTheModelsFolderTheBundledOneIsUsed() {
        assertThat(Catalog.load(temp.resolve("nowhere")).defaultFor(Role.TRANSLATION).name()).isEqualTo("opus-mt-fr-en");
    }

    @Test
    void aCatalogThatIsNotJsonIsOneLineNamingTheFileAndWhereWithoutJacksonsSourceTail() throws IOException {
        Path file = Files.writeString(temp.resolve(Catalog.FILE_NAME), "{\"models\": [\n  {\"name\": \"x\",,}\n]}");

        assertThatThrownBy(() -> Catalog.load(temp)).isInstanceOf(ModelException.class)
                .hasMessage(file + ": invalid JSON at line 2, column 16: Unexpected character (',' (code 44)): was"
                        + " expecting double-quote to start field name");
    }

    @Test
    void aCatalogWithoutAModelsListIsRefused() throws IOException {
        Path file = Files.writeString(temp.resolve(Catalog.FILE_NAME), "{\"model\": []}");

        assertThatThrownBy(() -> Catalog.load(temp)).isInstanceOf(ModelException.class)
                .hasMessage(file + ": invalid model catalog: no 'models' list");
        Files.writeString(file, "[1, 2]");
        assertThatThrownBy(() -> Catalog.load(temp)).hasMessage(file + ": expected a JSON object");
    }

    @Test
    void aCatalogFileNameThatWouldEscapeTheModelFolderIsRefused() throws IOException {
        Files.writeString(temp.resolve(Catalog.FILE_NAME), """
                {"models": [{"name": "x", "repo": "a/b", "revision": "main", "role": "translation",
                             "required": ["../../etc/passwd"]}]}""");

        assertThatThrownBy(() -> Catalog.load(temp)).isInstanceOf(ModelException.class)
                .hasMessageContaining("invalid model catalog").hasMessageContaining("../../etc/passwd");
    }

    @Test
    void aCatalogModelNameMustBeAFolderName() throws IOException {
        Files.writeString(temp.resolve(Catalog.FILE_NAME), """
                {"models": [{"name": "../x", "repo": "a/b", "revision": "main", "role": "translation"}]}""");

        assertThatThrownBy(() -> Catalog.load(temp)).isInstanceOf(ModelException.class)
                .hasMessageContaining("'../x' cannot be a folder name");
    }

    @Test
    void twoDefaultsForOneRoleAreRefused() throws IOException {
        Files.writeString(temp.resolve(Catalog.FILE_NAME), """
                {"models": [
                  {"name": "a", "repo": "o/a", "revision": "main", "role": "translation", "default": true},
                  {"name": "b", "repo": "o/b", "revision": "main", "role": "translation", "default": true}]}""");

        assertThatThrownBy(() -> Catalog.load(temp)).isInstanceOf(ModelException.class)
                .hasMessageContaining("two default translation models: a and b");
    }

    @Test
    void fetchTakesACatalogNameTheRepositoryOfACatalogModelOrAnyRepositoryId() {
        Catalog catalog = Catalog.bundled();

        assertThat(FetchRequest.resolve("opus-mt-fr-en", null, catalog))
                .isEqualTo(FetchRequest.of(catalog.named("opus-mt-fr-en").orElseThrow()));
        assertThat(FetchRequest.resolve("Helsinki-NLP/opus-mt-fr-en", "refs/pr/3", catalog))
                .extracting(FetchRequest::name, FetchRequest::revision).containsExactly("opus-mt-fr-en", "refs/pr/3");
        assertThat(FetchRequest.resolve("Helsinki-NLP/opus-mt-de-en", null, catalog))
                .isEqualTo(new FetchRequest("opus-mt-de-en", "Helsinki-NLP/opus-mt-de-en", "main",
                        FileRequirements.ANY_SUPPORTED_MODEL));
        assertThatThrownBy(() -> FetchRequest.resolve("opus", null, catalog))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither a model of the catalog (opus-mt-fr-en, distilbart-cnn-6-6");
        assertThatThrownBy(() -> FetchRequest.resolve("../x", null, catalog))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
