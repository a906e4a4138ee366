package depeche.memory.exchange;

import depeche.document.Origin;
import java.nio.file.Path;
import java.util.List;

/**
 * What a TMX or XLIFF file holds for depeche: its French-to-English pairs, and the units that are not such a pair.
 *
 * @param file    the file read
 * @param pairs   every unit with French source and English target text, in file order
 * @param skipped one line for each unit left out, saying where it is and why (no English, an empty target, …)
 */
public record ExchangeFile(Path file, List<ExchangePair> pairs, List<String> skipped) {
    public ExchangeFile {
        pairs = List.copyOf(pairs);
        skipped = List.copyOf(skipped);
    }

    /** The pairs a person approved. */
    public List<ExchangePair> reviewed() {
        return pairs.stream().filter(p -> p.origin() == Origin.REVIEWED).toList();
    }
}
