package depeche.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import depeche.document.Outcome;
import depeche.document.Summary;
import depeche.hub.Role;
import depeche.inference.Batcher;
import depeche.inference.LoadedModel;
import depeche.summarize.AbstractiveSummarizer;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code depeche summarize}: English text in, an abstractive summary out. */
@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = "Summarizes English text with a summarization model (BART). Reads TEXT, or standard input "
                + "when no TEXT is given. A text longer than the model takes is summarized in chunks whose "
                + "summaries are summarized again: never cut off.")
final class SummarizeCommand implements Callable<Integer> {
    @Mixin
    ModelOption modelOption;

    @Mixin
    GenerationOptions generationOptions;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--json", description = "Print {\"summary\", \"ids\"}.")
    boolean json;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "English text; standard input when absent.")
    List<String> words;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        String text = InputText.from(words, System.in).strip();
        if (text.isEmpty()) {
            throw new UsageException("nothing to summarize: give TEXT or pipe it on standard input");
        }
        try (LoadedModel model = LoadedModel.load(modelOption.resolve(Role.SUMMARIZATION))) {
            model.warnings().forEach(w -> spec.commandLine().getErr().println("depeche: warning: " + w));
            AbstractiveSummarizer summarizer = new AbstractiveSummarizer(model,
                    generationOptions.applyTo(model.summarizationDefaults()), Batcher.forGeneration());
            Outcome<Summary> result = summarizer.summarize(List.of(text), done -> { }).get(0);
            if (result.error().isPresent()) {
                spec.commandLine().getErr().println("depeche: summarizing failed: " + result.error().get());
                return Main.EXIT_SOME_FAILED;
            }
            Summary summary = result.value().orElseThrow();
            summary.warnings().forEach(w -> spec.commandLine().getErr().println("depeche: " + w));
            PrintWriter stdout = spec.commandLine().getOut();
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                ObjectNode root = mapper.createObjectNode().put("summary", summary.english());
                JsonIds.put(root, "ids", summary.ids().toArray());
                stdout.println(mapper.writeValueAsString(root));
            } else {
                stdout.println(summary.english());
            }
            stdout.flush();
        }
        return Main.EXIT_OK;
    }
}
