package depeche.cli;

import static org.assertj.core.api.Assertions.assertThat;

import depeche.hub.FakeHub;
import depeche.hub.HubTestSupport;
import depeche.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * Every option is checked while the command line is parsed: a bad value is refused in one line with exit 2
 * before any default model is fetched from the hub (a first run would otherwise download 1.2 GB first).
 */
class OptionsCheckedFirstTest {
    @TempDir
    Path temp;
    Path models;
    Path input;
    FakeHub hub;
    final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        hub = HubTestSupport.hubWithFixtures();
        models = HubTestSupport.modelsDirWithTestCatalog(temp);
        input = Files.createDirectories(temp.resolve("in"));
        Files.writeString(input.resolve("a.txt"), "Titre\n\nUne phrase.\n");
        environment.put("HF_ENDPOINT", hub.endpoint());
        ModelsCommand.environment = environment::get;
    }

    @AfterEach
    void tearDown() {
        ModelsCommand.environment = System::getenv;
        hub.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run|--beams|0|--beams must be at least 1, not 0",
        "run|--max-length|1|--max-length must be at least 2, not 1",
        "run|--formats|md,pdf|--formats: unknown format 'pdf' (choose from md, json, html, tmx, xliff)",
        "run|--summary-sentences|0|--summary-sentences must be at least 1, not 0",
        "run|--max-sentence-tokens|3|--max-sentence-tokens must be at least 8, not 3",
        "run|--summarizer|maybe|--summarizer",
        "translate|--beams|-2|--beams must be at least 1, not -2",
        "translate|--max-sentence-tokens|0|--max-sentence-tokens must be at least 8, not 0",
        "summarize|--max-length|0|--max-length must be at least 2, not 0",
    })
    void aBadOptionIsRefusedBeforeAnyModelIsFetched(String command, String option, String value, String message) {
        Cli.Result r = command.equals("run")
                ? Cli.run(command, option, value, "--models", models.toString(), "--input", input.toString(),
                        "--output", temp.resolve("out").toString())
                : Cli.run(command, option, value, "--models", models.toString(), "Une phrase.");

        assertThat(r.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err()).hasLineCount(1).startsWith("depeche " + command + ": ").contains(message)
                .contains("--help");
        assertThat(hub.requests()).as("nothing fetched").isEmpty();
        assertThat(models.resolve("tiny-marian")).doesNotExist();
        assertThat(temp.resolve("out")).doesNotExist();
    }

    @Test
    void aSubcommandsUsageErrorNamesTheWholeCommand() {
        Cli.Result r = Cli.run("models", "fetch", "--bogus");
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err()).isEqualTo(
                "depeche models fetch: Unknown option: '--bogus' (see depeche models fetch --help)\n");
    }

    @Test
    void runHelpSaysWhichSettingsReachTheSummarizer() {
        Cli.Result r = Cli.run("run", "--help");
        assertThat(r.out().replaceAll("\\s+", " "))
                .contains("--beams and --max-length set the translation; abstractive summaries take every generation"
                        + " setting from the summarization model's generation_config.json");
    }

    @Test
    void anUnforeseenFailureIsExit3NeverTheExitOfSomeFailedArticles() {
        @CommandLine.Command(name = "boom")
        class Boom implements Callable<Integer> {
            @Override
            public Integer call() {
                throw new IllegalStateException("a bug\nover two lines");
            }
        }
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Main.commandLine().addSubcommand(new Boom()).setErr(new java.io.PrintWriter(err, true))
                .execute("boom");

        assertThat(code).isEqualTo(Main.EXIT_INTERNAL_ERROR).isNotEqualTo(Main.EXIT_SOME_FAILED);
        assertThat(err.toString()).isEqualTo(
                "depeche: internal error, please report it: java.lang.IllegalStateException: a bug over two lines\n");
    }
}
