package depeche.io;

import depeche.document.Block;
import depeche.text.FrenchNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The body of an article page, block by block in reading order: the text of paragraphs, sub-headings, list
 * items, quotations and definitions as prose; {@code <pre>} as code, kept as it is; a data table (cells of text
 * only) as a table, its caption as prose before it. A block that holds other blocks gives its own text too (the
 * "item" of {@code <li>item<ul>…}), each run of it where it stands. A table whose cells hold paragraphs or other
 * blocks is page layout, read as what it holds. Walked without recursion: linear in the page.
 */
final class BodyBlocks {

    /** Elements whose own text is prose. */
    private static final Set<String> TEXT_BLOCKS = Set.of("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
            "dd", "dt");

    /** What a data table's cell never holds: a cell holding one of these makes the table layout. */
    private static final String LAYOUT = "p, div, ul, ol, dl, table, pre, blockquote, h1, h2, h3, h4, h5, h6";

    private static final Pattern TEXT_ALIGN = Pattern.compile("text-align\\s*:\\s*(left|center|right)",
            Pattern.CASE_INSENSITIVE);

    private BodyBlocks() {}

    /** The blocks of {@code root}, in document order; blank ones left out. */
    static List<Block> of(Element root) {
        Walk walk = new Walk();
        NodeTraversor.filter(walk, root);
        return walk.blocks;
    }

    private static final class Walk implements NodeFilter {
        private final List<Block> blocks = new ArrayList<>();
        private final StringBuilder run = new StringBuilder();
        private int openTextBlocks;

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                if (openTextBlocks > 0) {
                    run.append(text.getWholeText());
                }
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE;
            }
            String name = element.normalName();
            if (name.equals("pre")) {
                flush();
                code(element).ifPresent(blocks::add);
                return FilterResult.SKIP_ENTIRELY;
            }
            if (name.equals("table") && isDataTable(element)) {
                flush();
                Optional.ofNullable(element.selectFirst("> caption")).map(c -> FrenchNormalizer.clean(c.text()))
                        .filter(caption -> !caption.isEmpty()).ifPresent(caption -> blocks.add(new Block.Prose(caption)));
                table(element).ifPresent(blocks::add);
                return FilterResult.SKIP_ENTIRELY;
            }
            if (TEXT_BLOCKS.contains(name)) {
                flush();
                openTextBlocks++;
            } else if (name.equals("br")) {
                run.append(' ');
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element && TEXT_BLOCKS.contains(element.normalName())) {
                flush();
                openTextBlocks--;
            }
            return FilterResult.CONTINUE;
        }

        private void flush() {
            String text = FrenchNormalizer.clean(run.toString());
            run.setLength(0);
            if (!text.isEmpty()) {
                blocks.add(new Block.Prose(text));
            }
        }
    }

    /** A {@code <pre>} as code: its text as it is (see {@link VerbatimText}), its language from a class. */
    private static Optional<Block> code(Element pre) {
        String text = VerbatimText.of(pre.wholeText());
        if (text.isBlank()) {
            return Optional.empty();
        }
        Element code = pre.selectFirst("> code");
        String language = Optional.ofNullable(code).map(Element::className).stream()
                .flatMap(classes -> List.of(classes.split("\\s+")).stream())
                .filter(name -> name.startsWith("language-") || name.startsWith("lang-"))
                .map(name -> name.substring(name.indexOf('-') + 1))
                .findFirst().orElse("");
        return Optional.of(new Block.Code(text, language));
    }

    private static boolean isDataTable(Element table) {
        return rows(table).stream().flatMap(row -> cells(row).stream()).noneMatch(cell -> !cell.select(LAYOUT).isEmpty());
    }

    /** A data table: rows padded to the longest; the leading rows of {@code <thead>} or of {@code <th>} only are headers. */
    private static Optional<Block> table(Element table) {
        List<Element> rows = rows(table);
        List<List<String>> texts = new ArrayList<>();
        int headerRows = 0;
        boolean inHeader = true;
        for (Element row : rows) {
            List<Element> cells = cells(row);
            texts.add(cells.stream().map(cell -> FrenchNormalizer.clean(cell.text())).toList());
            boolean header = row.parent() != null && row.parent().normalName().equals("thead")
                    || !cells.isEmpty() && cells.stream().allMatch(cell -> cell.normalName().equals("th"));
            inHeader &= header;
            headerRows += inHeader ? 1 : 0;
        }
        if (texts.stream().flatMap(List::stream).allMatch(String::isEmpty)) {
            return Optional.empty();
        }
        List<Block.Table.Alignment> alignments = rows.isEmpty() ? List.of()
                : cells(rows.get(0)).stream().map(BodyBlocks::alignment).toList();
        return Optional.of(Block.Table.padded(texts, headerRows, alignments));
    }

    /** The table's own rows, not those of tables inside it. */
    private static List<Element> rows(Element table) {
        List<Element> rows = new ArrayList<>();
        for (Element child : table.children()) {
            switch (child.normalName()) {
                case "tr" -> rows.add(child);
                case "thead", "tbody", "tfoot" -> child.children().stream()
                        .filter(row -> row.normalName().equals("tr")).forEach(rows::add);
                default -> { }
            }
        }
        return rows;
    }

    private static List<Element> cells(Element row) {
        return row.children().stream().filter(cell -> cell.normalName().equals("td") || cell.normalName().equals("th"))
                .toList();
    }

    private static Block.Table.Alignment alignment(Element cell) {
        String align = cell.attr("align");
        if (align.isEmpty()) {
            Matcher style = TEXT_ALIGN.matcher(cell.attr("style"));
            align = style.find() ? style.group(1) : "";
        }
        return switch (align.toLowerCase(Locale.ROOT)) {
            case "left" -> Block.Table.Alignment.LEFT;
            case "center" -> Block.Table.Alignment.CENTER;
            case "right" -> Block.Table.Alignment.RIGHT;
            default -> Block.Table.Alignment.NONE;
        };
    }
}
