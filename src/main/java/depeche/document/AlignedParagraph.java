package depeche.document;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One block of the source with its translation: a prose paragraph sentence by sentence, a table cell by cell (each
 * cell with text one sentence pair, row by row), or a code block, which has no sentences and is never translated.
 *
 * @param sentences the sentence pairs: a prose paragraph's sentences, a table's cells with text, none for code
 * @param block     the French block: for prose, the sentences' French joined by a space
 */
public record AlignedParagraph(List<SentencePair> sentences, Block block) {

    public AlignedParagraph {
        sentences = List.copyOf(sentences);
        if (block instanceof Block.Prose prose) {
            if (sentences.isEmpty()) {
                throw new IllegalArgumentException("a paragraph has at least one sentence");
            }
            if (!prose.text().equals(joined(sentences, SentencePair::source))) {
                throw new IllegalArgumentException("a paragraph's text is that of its sentences");
            }
        } else if (block instanceof Block.Code && !sentences.isEmpty()) {
            throw new IllegalArgumentException("a code block has no sentences: it is never translated");
        } else if (block instanceof Block.Table table
                && !table.cells().equals(sentences.stream().map(SentencePair::source).toList())) {
            throw new IllegalArgumentException("a table's sentences are its cells with text, row by row");
        }
    }

    /** A prose paragraph. */
    public AlignedParagraph(List<SentencePair> sentences) {
        this(sentences, proseOf(sentences));
    }

    private static Block.Prose proseOf(List<SentencePair> sentences) {
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("a paragraph has at least one sentence");
        }
        return new Block.Prose(joined(sentences, SentencePair::source));
    }

    /**
     * The translation of {@code source}: its sentences, or for a table its cells with text, row by row; none for code.
     */
    public static AlignedParagraph of(Block source, List<SentencePair> sentences) {
        return source instanceof Block.Prose ? new AlignedParagraph(sentences) : new AlignedParagraph(sentences, source);
    }

    /** The same block with {@code newSentences} (as many, for the same French) in place of its own. */
    public AlignedParagraph withSentences(List<SentencePair> newSentences) {
        return of(block, newSentences);
    }

    /** Whether this is running text (not code, not a table): what summaries are made of. */
    public boolean isProse() {
        return block instanceof Block.Prose;
    }

    /** The French: the paragraph, the code, or the table's cells row by row ({@link Block#text()}). */
    public String source() {
        return block.text();
    }

    /** The English: the translations joined by a space, the code unchanged, or the table's English cells. */
    public String target() {
        if (block instanceof Block.Code code) {
            return code.text();
        }
        if (block instanceof Block.Table) {
            return cells().stream()
                    .map(row -> row.stream().map(cell -> cell.map(SentencePair::target).orElse(""))
                            .collect(Collectors.joining(" | ")))
                    .collect(Collectors.joining("\n"));
        }
        return joined(sentences, SentencePair::target);
    }

    /**
     * A table's cells row by row, each the sentence pair of its text or empty for a blank cell.
     *
     * @throws IllegalStateException when this is not a table
     */
    public List<List<Optional<SentencePair>>> cells() {
        if (!(block instanceof Block.Table table)) {
            throw new IllegalStateException("not a table");
        }
        Iterator<SentencePair> pairs = sentences.iterator();
        List<List<Optional<SentencePair>>> rows = new ArrayList<>();
        for (List<String> row : table.rows()) {
            rows.add(row.stream().map(cell -> cell.isBlank() ? Optional.<SentencePair>empty()
                    : Optional.of(pairs.next())).toList());
        }
        return rows;
    }

    /**
     * Where sentence {@code index} (from 0) is, for a reader: "sentence 3", or in a table "row 2, column 1" (counted
     * from 1).
     */
    public String place(int index) {
        return block instanceof Block.Table ? cellPlaces().get(index) : "sentence " + (index + 1);
    }

    /** Where each of a table's cells with text is, row by row: "row 2, column 1" (counted from 1). */
    public List<String> cellPlaces() {
        List<String> places = new ArrayList<>();
        List<List<Optional<SentencePair>>> rows = cells();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                if (rows.get(r).get(c).isPresent()) {
                    places.add("row " + (r + 1) + ", column " + (c + 1));
                }
            }
        }
        return places;
    }

    private static String joined(List<SentencePair> sentences, Function<SentencePair, String> text) {
        return sentences.stream().map(text).collect(Collectors.joining(" "));
    }
}
