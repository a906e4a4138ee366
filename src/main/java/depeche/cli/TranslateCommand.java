package depeche.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import depeche.generate.GenerationConfig;
import depeche.hub.Role;
import depeche.pipeline.BatchedGeneration;
import depeche.pipeline.Batcher;
import depeche.pipeline.Generated;
import depeche.pipeline.LoadedModel;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code depeche translate}: French text in (arguments or stdin), English out. */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = "Translates French text into English. Reads TEXT, or standard input when no TEXT is given; "
                + "each input line is translated as one sentence.")
final class TranslateCommand implements Callable<Integer> {
    @Mixin
    ModelOption modelOption;

    @Mixin
    GenerationOptions generationOptions;

    @Option(names = "--json", description = "Print {\"translation\", \"sentences\": [{\"source\", \"target\", \"ids\"}]}.")
    boolean json;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "French text; standard input when absent.")
    List<String> words;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String text = InputText.from(words, System.in);
        List<String> lines = text.lines().toList();
        List<String> sentences = lines.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        try (LoadedModel model = LoadedModel.load(modelOption.resolve(Role.TRANSLATION))) {
            GenerationConfig settings = generationOptions.applyTo(model.generationDefaults());
            List<Generated> translations = new BatchedGeneration(model, settings, Batcher.forGeneration())
                    .runAll(sentences);
            print(lines, sentences, translations);
        }
        return Main.EXIT_OK;
    }

    private void print(List<String> lines, List<String> sentences, List<Generated> translations) throws Exception {
        List<String> out = new ArrayList<>();
        int next = 0;
        for (String line : lines) {
            out.add(line.isBlank() ? "" : translations.get(next++).text());
        }
        String translation = String.join("\n", out).strip();
        PrintWriter stdout = spec.commandLine().getOut();
        if (!json) {
            stdout.println(translation);
        } else {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode().put("translation", translation);
            ArrayNode items = root.putArray("sentences");
            for (int i = 0; i < sentences.size(); i++) {
                ObjectNode item = items.addObject()
                        .put("source", sentences.get(i))
                        .put("target", translations.get(i).text());
                ArrayNode ids = item.putArray("ids");
                for (long id : translations.get(i).ids()) {
                    ids.add(id);
                }
            }
            stdout.println(mapper.writeValueAsString(root));
        }
        stdout.flush();
    }
}
