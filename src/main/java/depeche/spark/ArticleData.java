package depeche.spark;

import depeche.document.Article;
import depeche.document.Block;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An {@link Article} in a form Spark can move between machines; absent url and date are null. */
record ArticleData(String id, String title, List<String> paragraphs, String source, String url, String date,
                   List<String> warnings, List<Block> blocks) implements Serializable {

    ArticleData {
        paragraphs = new ArrayList<>(paragraphs);
        warnings = new ArrayList<>(warnings);
        blocks = new ArrayList<>(blocks); // code and tables travel as read, so executors keep them out of the model
    }

    static ArticleData of(Article article) {
        return new ArticleData(article.id(), article.title(), article.paragraphs(), article.source().toString(),
                article.url().orElse(null), article.date().orElse(null), article.warnings(), article.blocks());
    }

    Article article() {
        return new Article(id, title, paragraphs, Path.of(source), Optional.ofNullable(url), Optional.ofNullable(date),
                warnings, blocks);
    }
}
