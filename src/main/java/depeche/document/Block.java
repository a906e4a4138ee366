package depeche.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One block of an article's body as it was read: prose that is translated sentence by sentence, code that is
 * never translated, or a table translated cell by cell.
 */
public sealed interface Block extends java.io.Serializable permits Block.Prose, Block.Code, Block.Table {

    /** The block as plain text (for limits and fingerprints): the prose, the code, or the cells row by row. */
    String text();

    /** A paragraph of running text (a paragraph, heading, list item or quotation). */
    record Prose(String text) implements Block {
        public Prose {
            Texts.requireNonBlank(text, "paragraph");
        }
    }

    /**
     * A code block, kept byte for byte: never given to the model, never split into sentences or checked, left
     * out of summaries, and written unchanged in every output, marked as code.
     *
     * @param text     the code, line breaks and indentation included, without a final line break
     * @param language the language its source names (a Markdown fence's info string, an HTML
     *                 {@code language-…} class), or empty
     */
    record Code(String text, String language) implements Block {
        public Code {
            Texts.requireNonBlank(text, "code");
            Objects.requireNonNull(language, "language");
        }
    }

    /**
     * A table, translated cell by cell: each non-blank cell is one model input, kept as one sentence pair.
     *
     * @param rows       the cells row by row, every row as long as the others; a blank cell is {@code ""}
     * @param headerRows how many of the first rows are headers
     * @param alignments each column's alignment, as the source gives it
     */
    record Table(List<List<String>> rows, int headerRows, List<Alignment> alignments) implements Block {

        /** How a column's text is aligned. */
        public enum Alignment { NONE, LEFT, CENTER, RIGHT }

        public Table {
            rows = rows.stream().map(List::copyOf).toList();
            alignments = List.copyOf(alignments);
            if (rows.isEmpty() || rows.get(0).isEmpty()) {
                throw new IllegalArgumentException("a table has at least one row and one column");
            }
            int columns = rows.get(0).size();
            if (rows.stream().anyMatch(row -> row.size() != columns) || alignments.size() != columns) {
                throw new IllegalArgumentException("every row of a table and its alignments have "
                        + columns + " columns");
            }
            if (headerRows < 0 || headerRows > rows.size()) {
                throw new IllegalArgumentException("a table of " + rows.size() + " rows has no " + headerRows
                        + " header rows");
            }
            if (rows.stream().flatMap(List::stream).allMatch(String::isBlank)) {
                throw new IllegalArgumentException("a table has at least one cell with text");
            }
        }

        /** A table from rows of any lengths: short rows get blank cells, and columns no alignment. */
        public static Table padded(List<List<String>> rows, int headerRows, List<Alignment> alignments) {
            int columns = Math.max(alignments.size(), rows.stream().mapToInt(List::size).max().orElse(0));
            List<List<String>> padded = rows.stream().map(row -> {
                List<String> cells = new ArrayList<>(row);
                while (cells.size() < columns) {
                    cells.add("");
                }
                return (List<String>) cells;
            }).toList();
            List<Alignment> aligned = new ArrayList<>(alignments);
            while (aligned.size() < columns) {
                aligned.add(Alignment.NONE);
            }
            return new Table(padded, headerRows, aligned);
        }

        public int columns() {
            return alignments.size();
        }

        /** The cells with text, row by row: what the model translates, in this order. */
        public List<String> cells() {
            return rows.stream().flatMap(List::stream).filter(cell -> !cell.isBlank()).toList();
        }

        @Override
        public String text() {
            return rows.stream().map(row -> String.join(" | ", row)).collect(Collectors.joining("\n"));
        }
    }
}
