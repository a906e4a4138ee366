package depeche.io;

import depeche.document.Block;
import depeche.document.SentencePair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Code and tables in {@code <id>.md}. Code is written once, unchanged, in a fence longer than any run of backticks
 * it holds, after a line saying it was not translated. A table is written twice as a GFM table: the French one
 * quoted, then the English one, cell for cell; a table without header rows gets a blank one (GFM tables have one), and header rows after
 * the first become body rows.
 */
final class MarkdownBlocks {
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    /** Says that a block is code left as it is. */
    static final String CODE_NOTE = "*Code, not translated:*";

    private MarkdownBlocks() {}

    static void appendCode(StringBuilder md, Block.Code code) {
        int longest = 0;
        Matcher runs = BACKTICKS.matcher(code.text());
        while (runs.find()) {
            longest = Math.max(longest, runs.group().length());
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        md.append(CODE_NOTE).append("\n\n");
        // An info string cannot hold a backtick after a backtick fence, nor a line break.
        String language = code.language().replaceAll("[`\\s]", "");
        md.append(fence).append(language).append('\n').append(code.text()).append('\n').append(fence).append("\n\n");
    }

    static void appendTable(StringBuilder md, Block.Table table, List<List<Optional<SentencePair>>> cells) {
        appendRows(md, "> ", table, cells, SentencePair::source);
        md.append('\n');
        appendRows(md, "", table, cells, SentencePair::target);
        md.append('\n');
    }

    private static void appendRows(StringBuilder md, String prefix, Block.Table table,
                                   List<List<Optional<SentencePair>>> cells, Function<SentencePair, String> text) {
        List<List<String>> rows = new ArrayList<>();
        if (table.headerRows() == 0) {
            rows.add(Collections.nCopies(table.columns(), ""));
        }
        cells.forEach(row -> rows.add(row.stream().map(cell -> cell.map(text).map(MarkdownText::escape).orElse(""))
                .toList()));
        appendRow(md, prefix, rows.get(0));
        appendRow(md, prefix, table.alignments().stream().map(MarkdownBlocks::delimiter).toList());
        rows.subList(1, rows.size()).forEach(row -> appendRow(md, prefix, row));
    }

    private static void appendRow(StringBuilder md, String prefix, List<String> cells) {
        md.append(prefix).append('|');
        cells.forEach(cell -> md.append(' ').append(cell).append(" |"));
        md.append('\n');
    }

    private static String delimiter(Block.Table.Alignment alignment) {
        return switch (alignment) {
            case NONE -> "---";
            case LEFT -> ":---";
            case CENTER -> ":---:";
            case RIGHT -> "---:";
        };
    }
}
