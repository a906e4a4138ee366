package depeche.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import depeche.document.Outcome;
import depeche.document.SentencePair;
import depeche.hub.Role;
import depeche.inference.Batcher;
import depeche.inference.LoadedModel;
import depeche.text.FrenchNormalizer;
import depeche.translate.TranslatedParagraph;
import depeche.translate.Translator;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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
    SentenceLimitOption sentenceLimit;

    @Option(names = "--json", description = "Print {\"translation\", \"sentences\": [{\"source\", \"target\", \"ids\"}]}.")
    boolean json;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "French text; standard input when absent.")
    List<String> words;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> lines = InputText.from(words, System.in).lines().map(FrenchNormalizer::clean).toList();
        try (LoadedModel model = LoadedModel.load(modelOption.resolve(Role.TRANSLATION))) {
            model.warnings().forEach(w -> spec.commandLine().getErr().println("depeche: warning: " + w));
            Translator translator = new Translator(model, generationOptions.applyTo(model.generationDefaults()),
                    Batcher.forGeneration(), sentenceLimit.maxSentenceTokens);
            return print(translator.translate(lines));
        }
    }

    private int print(List<TranslatedParagraph> paragraphs) throws Exception {
        // One output line per input line, blank ones included, wherever they are.
        String translation = paragraphs.stream().map(TranslatedParagraph::target).collect(Collectors.joining("\n"));
        List<TranslatedParagraph.Sentence> sentences = paragraphs.stream().flatMap(p -> p.sentences().stream())
                .toList();
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            stdout.println(new ObjectMapper().writeValueAsString(asJson(translation, sentences)));
        } else if (!paragraphs.isEmpty()) {
            stdout.println(translation);
        }
        stdout.flush();
        PrintWriter err = spec.commandLine().getErr();
        int number = 0;
        boolean failed = false;
        for (TranslatedParagraph.Sentence sentence : sentences) {
            String where = "depeche: sentence " + ++number;
            Outcome<SentencePair> outcome = sentence.translation();
            outcome.value().ifPresent(s -> s.warnings().forEach(w -> err.println(where + ": " + w)));
            outcome.error().ifPresent(e -> err.println(where + " failed: " + e));
            failed |= outcome.error().isPresent();
        }
        return failed ? Main.EXIT_SOME_FAILED : Main.EXIT_OK;
    }

    private static ObjectNode asJson(String translation, List<TranslatedParagraph.Sentence> sentences) {
        ObjectNode root = new ObjectMapper().createObjectNode().put("translation", translation);
        ArrayNode items = root.putArray("sentences");
        for (TranslatedParagraph.Sentence sentence : sentences) {
            ObjectNode item = items.addObject().put("source", sentence.source());
            sentence.translation().value().ifPresentOrElse(s -> {
                item.put("target", s.target());
                JsonIds.put(item, "ids", s.ids().toArray());
                s.confidence().ifPresent(c -> item.put("confidence", c));
                if (!s.warnings().isEmpty()) {
                    s.warnings().forEach(item.putArray("warnings")::add);
                }
            }, () -> item.putNull("target").put("error", sentence.translation().error().orElseThrow()));
        }
        return root;
    }
}
