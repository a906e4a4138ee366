package depeche.spark;

import static org.assertj.core.api.Assertions.assertThat;

import depeche.document.AlignedParagraph;
import depeche.document.Article;
import depeche.document.BilingualDocument;
import depeche.document.ModelInfo;
import depeche.document.RunInfo;
import depeche.document.SentencePair;
import depeche.io.Format;
import depeche.io.IndexEntry;
import depeche.io.OutputFolder;
import depeche.pipeline.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder on a Hadoop file system other than the local one writes what {@code run}'s output folder
 * writes, byte for byte, through the Hadoop API (here the local file system's Hadoop client stands in for HDFS).
 */
class HadoopOutputTest {
    private static final Set<Format> ALL = EnumSet.allOf(Format.class);

    @TempDir
    Path tmp;

    @Test
    void articleFilesIndexAndReportAreRunsOwnBytes() throws IOException {
        Path local = tmp.resolve("local");
        Path hadoop = tmp.resolve("hadoop");
        OutputFolder expected = new OutputFolder(local, ALL);
        HadoopOutput actual = new HadoopOutput(FileSystem.getLocal(new Configuration()),
                new org.apache.hadoop.fs.Path(hadoop.toUri()), ALL);
        for (String id : List.of("un", "deux")) {
            expected.write(document(id));
            assertThat(actual.write(document(id))).containsExactly(id + ".md", id + ".json", id + ".html", id + ".tmx",
                    id + ".xlf");
        }
        List<IndexEntry> run = List.of(new IndexEntry("un", IndexEntry.Status.TRANSLATED, "in/un.txt",
                Optional.of("Titre un"), Optional.of("2024-06-01"), Optional.empty()), new IndexEntry("trois",
                IndexEntry.Status.FAILED, "in/trois.txt", Optional.empty(), Optional.empty(), Optional.of("no title")));
        expected.writeIndex(run);
        actual.writeIndex(run);
        RunReport report = new RunReport(RunReport.FORMAT, "0.1.0", "a", "b", 1.0, "in", "out", List.of(),
                Map.of(), List.of(), List.of(), RunReport.Counts.of(List.of()), null, List.of());
        report.write(local);
        actual.writeReport(report);

        assertThat(names(hadoop)).isEqualTo(names(local)).contains("index.html", "run-report.json", "deux.tmx")
                .noneMatch(name -> name.endsWith(".tmp"));
        for (String name : names(local)) {
            assertThat(Files.readAllBytes(hadoop.resolve(name))).as(name).isEqualTo(Files.readAllBytes(local.resolve(name)));
        }
    }

    @Test
    void aFileOfAnEarlierRunIsReplaced() throws IOException {
        Path hadoop = Files.createDirectories(tmp.resolve("hadoop"));
        Files.writeString(hadoop.resolve("un.md"), "an earlier run's file");
        HadoopOutput output = new HadoopOutput(FileSystem.getLocal(new Configuration()),
                new org.apache.hadoop.fs.Path(hadoop.toUri()), Set.of(Format.MD));
        output.write(document("un"));
        assertThat(Files.readString(hadoop.resolve("un.md"))).startsWith("# Title un");
        assertThat(names(hadoop)).containsExactly("un.md");
    }

    private static BilingualDocument document(String id) {
        Article article = new Article(id, "Titre " + id, List.of("Une phrase. Une autre."), Path.of("in", id + ".txt"));
        RunInfo run = new RunInfo("0.1.0", List.of(new ModelInfo("m", "marian", "ab".repeat(32))),
                Map.of("beams", "1"), Map.of("translation", Duration.ofMillis(3)));
        return new BilingualDocument(article, "Title " + id, List.of(new AlignedParagraph(List.of(
                new SentencePair("Une phrase.", "A sentence."), new SentencePair("Une autre.", "Another.")))),
                Optional.empty(), run, List.of());
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            // Hadoop's local client leaves .crc checksum files beside what it writes; HDFS keeps them inside.
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.endsWith(".crc"))
                    .sorted().toList();
        }
    }
}
