package depeche.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"000_8e5b8d439f3d6119", "a", "article-42.v2", "été_2022", "Index2"})
    void acceptsSafeFileNames(String id) {
        assertThat(ArticleId.problem(id)).isEmpty();
        assertThat(ArticleId.requireValid(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../x", "..", ".", ".hidden", "a/b", "a\\b", "C:", "mon article", "a\nb", "-rf",
        "index", "INDEX", "x*y", "run-report", "Run-Report", "RUN-REPORT"})
    void refusesEverythingElse(String id) {
        assertThat(ArticleId.problem(id)).isPresent();
        assertThatThrownBy(() -> ArticleId.requireValid(id)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"index", "Index", "run-report", "rUN-rePORT"})
    void refusesIdsWhoseFilesWouldBeTheRunsOwnAndSaysWhichFile(String id) {
        String file = id.equalsIgnoreCase("index") ? "index.html" : "run-report.json";
        assertThat(ArticleId.problem(id)).hasValue("id '" + id + "' is reserved: its files would overwrite the run's own "
                + file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "run-report.json", "run-report2", "report", "depeche-state", "indexes"})
    void acceptsIdsThatOnlyLookLikeTheRunsFiles(String id) {
        assertThat(ArticleId.problem(id)).as("%s.md etc. are no run file", id).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void everyRunFileIsOutOfReachOfEveryIdThatCouldNameIt() {
        for (String file : ArticleId.RUN_FILES) {
            for (int dot = file.indexOf('.'); dot >= 0; dot = file.indexOf('.', dot + 1)) {
                String id = file.substring(0, dot);
                assertThat(ArticleId.problem(id)).as("id '%s' would write %s", id, file).isPresent();
                assertThat(ArticleId.problem(id.toUpperCase(java.util.Locale.ROOT))).as(id.toUpperCase()).isPresent();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201})
    void limitsTheLength(int length) {
        assertThat(ArticleId.problem("a".repeat(length)).isEmpty()).isEqualTo(length <= 200);
    }
}
