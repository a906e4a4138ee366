package depeche.quality;

import static org.assertj.core.api.Assertions.assertThat;

import depeche.document.AlignedParagraph;
import depeche.document.SentencePair;
import depeche.text.FrenchNormalizer;
import depeche.text.SentenceSegmenter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The false-positive rate on correct English is zero: the seed article with a faithful human translation, written
 * by hand sentence by sentence (test resource quality/seed-000-human-en.tsv), gets no flag at all.
 */
class SeedHumanTranslationTest {

    /** Position "paragraph.sentence" (0 = headline) → French and English. */
    private static Map<String, String[]> pairs() throws IOException {
        Map<String, String[]> pairs = new LinkedHashMap<>();
        try (InputStream in = SeedHumanTranslationTest.class.getResourceAsStream("/quality/seed-000-human-en.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] columns = line.split("\t");
                    pairs.put(columns[0], new String[] {columns[1], columns[2]});
                }
            }
        }
        return pairs;
    }

    @Test
    void theFrenchSideIsTheSeedArticleAsTheSegmenterCutsIt() throws IOException {
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("/quality/000_8e5b8d439f3d6119.txt")) {
            lines = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
        List<String> positions = new ArrayList<>();
        List<String> french = new ArrayList<>();
        SentenceSegmenter segmenter = new SentenceSegmenter();
        for (int p = 0; p < lines.size(); p++) {
            List<String> sentences = segmenter.split(FrenchNormalizer.clean(lines.get(p)));
            for (int s = 0; s < sentences.size(); s++) {
                positions.add(p + "." + (s + 1));
                french.add(sentences.get(s));
            }
        }
        Map<String, String[]> pairs = pairs();
        assertThat(pairs.keySet()).containsExactlyElementsOf(positions);
        assertThat(pairs.values().stream().map(pair -> pair[0])).containsExactlyElementsOf(french);
    }

    @Test
    void aCorrectHumanTranslationOfTheSeedGetsNoFlag() throws IOException {
        Map<String, String[]> pairs = pairs();
        String[] headline = pairs.remove("0.1");
        Map<Integer, List<SentencePair>> paragraphs = new LinkedHashMap<>();
        pairs.forEach((position, pair) -> paragraphs
                .computeIfAbsent(Integer.parseInt(position.split("\\.")[0]), p -> new ArrayList<>())
                .add(new SentencePair(pair[0], pair[1])));
        List<AlignedParagraph> body = paragraphs.values().stream().map(AlignedParagraph::new).toList();

        QualityChecks.CheckedArticle checked = new QualityChecks(OptionalDouble.of(-1.0))
                .checkArticle(headline[0], headline[1], body);

        assertThat(checked.warnings()).isEmpty();
        List<SentencePair> sentences = checked.body().stream().flatMap(p -> p.sentences().stream()).toList();
        assertThat(sentences).hasSize(14);
        assertThat(sentences).allSatisfy(pair -> assertThat(pair.flags()).as(pair.target()).isEmpty());
    }
}
