package depeche.document;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a document was made: recorded in the outputs so that a reviewer can tell runs apart.
 *
 * @param toolVersion depeche's version
 * @param models      the models used, translation first
 * @param settings    the settings that change the output (beams, max length, summarizer, …), in
 *                    the order they should be shown
 * @param timings     time spent per step (e.g. {@code translation}, {@code summary}), in order
 */
public record RunInfo(
        String toolVersion, List<ModelInfo> models, Map<String, String> settings, Map<String, Duration> timings) {

    public RunInfo {
        Texts.requireNonBlank(toolVersion, "tool version");
        models = List.copyOf(models);
        settings = orderedCopy(settings);
        timings = orderedCopy(timings);
    }

    /** {@link Map#copyOf} would lose the caller's order, which the outputs keep. */
    private static <V> Map<String, V> orderedCopy(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
