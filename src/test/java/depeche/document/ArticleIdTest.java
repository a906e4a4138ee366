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
        "index", "INDEX", "x*y"})
    void refusesEverythingElse(String id) {
        assertThat(ArticleId.problem(id)).isPresent();
        assertThatThrownBy(() -> ArticleId.requireValid(id)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201})
    void limitsTheLength(int length) {
        assertThat(ArticleId.problem("a".repeat(length)).isEmpty()).isEqualTo(length <= 200);
    }
}
