package depeche.spark;

import depeche.document.AlignedParagraph;
import depeche.document.BilingualDocument;
import depeche.document.Flag;
import depeche.document.SentencePair;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One sentence pair of the results dataset ({@code sentences/}): a sentence of a translated article's body (the
 * headline is on the article's row) and its translation.
 *
 * @param paragraph  the paragraph, counted from 1
 * @param sentence   the sentence within it, counted from 1
 * @param confidence the model's length-normalised log-probability (beam search), or null
 * @param flags      the codes of its quality flags, most severe first
 * @param warnings   what happened to it (split in parts, cut at max_length)
 */
record SentenceRow(String articleId, int paragraph, int sentence, String source, String target, Double confidence,
                   List<String> flags, List<String> warnings) implements Serializable {

    static final StructType SCHEMA = new StructType()
            .add("article_id", DataTypes.StringType, false)
            .add("paragraph", DataTypes.IntegerType, false)
            .add("sentence", DataTypes.IntegerType, false)
            .add("source", DataTypes.StringType, false)
            .add("target", DataTypes.StringType, false)
            .add("confidence", DataTypes.DoubleType, true)
            .add("flags", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("warnings", DataTypes.createArrayType(DataTypes.StringType, false), false);

    SentenceRow {
        flags = new ArrayList<>(flags);
        warnings = new ArrayList<>(warnings);
    }

    /** Every sentence pair of the document's body, in reading order. */
    static List<SentenceRow> of(BilingualDocument document) {
        List<SentenceRow> rows = new ArrayList<>();
        List<AlignedParagraph> paragraphs = document.paragraphs();
        for (int p = 0; p < paragraphs.size(); p++) {
            List<SentencePair> pairs = paragraphs.get(p).sentences();
            for (int s = 0; s < pairs.size(); s++) {
                SentencePair pair = pairs.get(s);
                rows.add(new SentenceRow(document.id(), p + 1, s + 1, pair.source(), pair.target(),
                        pair.confidence().isPresent() ? pair.confidence().getAsDouble() : null,
                        pair.flags().stream().map(Flag::code).toList(), pair.warnings()));
            }
        }
        return rows;
    }

    Row toRow() {
        return RowFactory.create(articleId, paragraph, sentence, source, target, confidence,
                flags.toArray(String[]::new), warnings.toArray(String[]::new)); // Spark takes arrays, not Lists
    }
}
