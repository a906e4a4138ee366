package depeche.io;

import static depeche.io.MarkdownText.escape;

import depeche.document.AlignedParagraph;
import depeche.document.Article;
import depeche.document.BilingualDocument;
import depeche.document.Block;
import depeche.document.ModelInfo;
import depeche.document.Origin;
import depeche.document.SentencePair;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code <id>.md}: the English headline with the French one under it, the summary, then the
 * article paragraph by paragraph, each French paragraph quoted ({@code >}) and followed by its
 * English translation (code and tables: see {@link MarkdownBlocks}); warnings, what a reviewer should look at (quality flags, sentences a person
 * corrected or approved) and the models used at the end.
 */
final class MarkdownWriter {
    private MarkdownWriter() {}

    static void write(BilingualDocument document, OutputStream out) throws IOException {
        Article article = document.article();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(escape(document.translatedTitle())).append("\n\n");
        md.append("*").append(escape(article.title())).append("*\n\n");
        md.append(escape(String.join(" · ", sourceFacts(article)))).append("\n\n");

        document.summary().ifPresent(summary -> {
            md.append("## Summary (").append(summary.method().name().toLowerCase(Locale.ROOT))
                    .append(summary.model().map(model -> ", " + escape(model)).orElse("")).append(")\n\n");
            md.append(escape(summary.english())).append("\n\n");
            summary.french().ifPresent(french -> md.append("> ").append(escape(french)).append("\n\n"));
        });

        md.append("## Article\n\n");
        md.append("Each French paragraph (quoted) is followed by its English translation.\n\n");
        for (AlignedParagraph paragraph : document.paragraphs()) {
            if (paragraph.block() instanceof Block.Code code) {
                MarkdownBlocks.appendCode(md, code);
            } else if (paragraph.block() instanceof Block.Table table) {
                MarkdownBlocks.appendTable(md, table, paragraph.cells());
            } else {
                md.append("> ").append(escape(paragraph.source())).append("\n\n");
                md.append(escape(paragraph.target())).append("\n\n");
            }
        }

        List<String> warnings = document.allWarnings();
        if (!warnings.isEmpty()) {
            md.append("## Warnings\n\n");
            warnings.forEach(warning -> md.append("- ").append(escape(warning)).append('\n'));
            md.append('\n');
        }
        List<String> review = review(document);
        if (!review.isEmpty()) {
            md.append("## Review\n\n");
            review.forEach(line -> md.append("- ").append(escape(line)).append('\n'));
            md.append('\n');
        }
        md.append("---\n\n").append(escape(madeWith(document))).append('\n');
        out.write(md.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One line per flag ("paragraph 1, sentence 2: number-mismatch (error): …") and per sentence a person reviewed;
     * flags that say what a warning already says (split, cut) are left to the warnings.
     */
    private static List<String> review(BilingualDocument document) {
        List<String> lines = new ArrayList<>();
        List<AlignedParagraph> paragraphs = document.paragraphs();
        for (int p = 0; p < paragraphs.size(); p++) {
            List<SentencePair> sentences = paragraphs.get(p).sentences();
            for (int s = 0; s < sentences.size(); s++) {
                SentencePair pair = sentences.get(s);
                String where = "paragraph " + (p + 1) + ", " + paragraphs.get(p).place(s) + ": ";
                if (pair.origin() == Origin.REVIEWED) {
                    lines.add(where + "reviewed by a person");
                }
                pair.flags().stream().filter(flag -> !pair.warnings().contains(flag.reason()))
                        .forEach(flag -> lines.add(where + flag.code() + " ("
                                + flag.severity().name().toLowerCase(Locale.ROOT) + "): " + flag.reason()));
            }
        }
        return lines;
    }

    private static List<String> sourceFacts(Article article) {
        List<String> facts = new ArrayList<>();
        facts.add("Source: " + article.source());
        article.url().ifPresent(facts::add);
        article.date().ifPresent(facts::add);
        return facts;
    }

    private static String madeWith(BilingualDocument document) {
        List<String> models = document.run().models().stream()
                .map((ModelInfo model) -> model.name() + " (" + model.type() + ", sha256 " + model.weightsSha256() + ")")
                .toList();
        return "Made by depeche " + document.run().toolVersion()
                + (models.isEmpty() ? "" : " with " + String.join(", ", models)) + ".";
    }
}
