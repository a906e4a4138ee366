package depeche.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import depeche.hub.Role;
import depeche.pipeline.Batcher;
import depeche.pipeline.LoadedModel;
import depeche.pipeline.SentenceTranslator;
import depeche.pipeline.TranslatedSentence;
import depeche.text.ClauseSplit;
import depeche.text.FrenchNormalizer;
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
        description = "Translates French text into English. Reads TEXT, or standard input when no TEXT is given. "
                + "Each line is a paragraph: it is split into sentences, and each line of output is the "
                + "translation of one line of input.")
final class TranslateCommand implements Callable<Integer> {
    @Mixin
    ModelOption modelOption;

    @Mixin
    GenerationOptions generationOptions;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--json", description = "Print {\"translation\", \"sentences\": [{\"source\", \"target\", \"ids\"}]}.")
    boolean json;

    @Option(names = "--max-sentence-tokens", paramLabel = "N",
            description = "Sentences longer than N tokens are split at clause boundaries, translated in parts and "
                    + "rejoined (default: ${DEFAULT-VALUE}, capped at what the model accepts).")
    int maxSentenceTokens = SentenceTranslator.DEFAULT_MAX_SENTENCE_TOKENS;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "French text; standard input when absent.")
    List<String> words;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        List<String> lines = InputText.from(words, System.in).lines().map(FrenchNormalizer::clean).toList();
        try (LoadedModel model = LoadedModel.load(modelOption.resolve(Role.TRANSLATION))) {
            SentenceTranslator translator = new SentenceTranslator(model,
                    generationOptions.applyTo(model.generationDefaults()), Batcher.forGeneration(), maxSentenceTokens);
            List<List<String>> paragraphs = lines.stream().map(translator::sentencesOf).toList();
            List<ClauseSplit> plans = translator.plan(paragraphs.stream().flatMap(List::stream).toList());
            List<TranslatedSentence> sentences = translator.translate(plans, done -> { });
            return print(paragraphs, sentences);
        }
    }

    private int print(List<List<String>> paragraphs, List<TranslatedSentence> sentences) throws Exception {
        List<String> out = new ArrayList<>();
        int next = 0;
        for (List<String> paragraph : paragraphs) {
            List<String> english = new ArrayList<>();
            for (int i = 0; i < paragraph.size(); i++) {
                sentences.get(next++).target().ifPresent(english::add);
            }
            out.add(String.join(" ", english));
        }
        String translation = String.join("\n", out).strip();
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            stdout.println(new ObjectMapper().writeValueAsString(asJson(translation, sentences)));
        } else {
            stdout.println(translation);
        }
        stdout.flush();
        int failed = 0;
        for (int i = 0; i < sentences.size(); i++) {
            TranslatedSentence s = sentences.get(i);
            for (String warning : s.warnings()) {
                spec.commandLine().getErr().println("depeche: sentence " + (i + 1) + ": " + warning);
            }
            if (s.error().isPresent()) {
                failed++;
                spec.commandLine().getErr().println("depeche: sentence " + (i + 1) + " failed: " + s.error().get());
            }
        }
        return failed == 0 ? Main.EXIT_OK : Main.EXIT_SOME_FAILED;
    }

    private static ObjectNode asJson(String translation, List<TranslatedSentence> sentences) {
        ObjectNode root = new ObjectMapper().createObjectNode().put("translation", translation);
        ArrayNode items = root.putArray("sentences");
        for (TranslatedSentence s : sentences) {
            ObjectNode item = items.addObject().put("source", s.source());
            s.target().ifPresentOrElse(t -> item.put("target", t), () -> item.putNull("target"));
            JsonIds.put(item, "ids", s.allIds());
            if (!s.warnings().isEmpty()) {
                s.warnings().forEach(item.putArray("warnings")::add);
            }
            s.error().ifPresent(e -> item.put("error", e));
        }
        return root;
    }
}
