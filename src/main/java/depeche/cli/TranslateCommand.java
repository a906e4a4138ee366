package depeche.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import depeche.document.Origin;
import depeche.document.Outcome;
import depeche.document.SentencePair;
import depeche.generate.GenerationConfig;
import depeche.hub.Role;
import depeche.inference.Batcher;
import depeche.inference.LoadedModel;
import depeche.memory.TranslationMemory;
import depeche.quality.QualityChecks;
import depeche.quality.SourceLanguage;
import depeche.text.FrenchNormalizer;
import depeche.text.SentenceSegmenter;
import depeche.translate.TranslatedParagraph;
import depeche.translate.Translator;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code depeche translate}: French text in (arguments or stdin), English out. */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = {"Translates French text into English. Reads TEXT, or standard input when no TEXT is given. "
                + "Each line is a paragraph: it is split into sentences, and each line of output is the "
                + "translation of one line of input.",
                "With --memory FILE, sentences the translation memory holds are not translated again and reviewed "
                        + "translations replace the model's (\"origin\": \"reviewed\" in --json); without it, no "
                        + "memory is used."})
final class TranslateCommand implements Callable<Integer> {
    @Mixin
    ModelOption modelOption;

    @Mixin
    GenerationOptions generationOptions;

    @Mixin
    SentenceLimitOption sentenceLimit;

    @Mixin
    ThreadsOption threads;

    @Mixin
    QualityOptions quality;

    @Mixin
    MemoryOptions memoryOptions;

    @Option(names = "--json", description = "Print {\"translation\", \"sentences\": [{\"source\", \"target\", \"ids\", "
            + "\"confidence\", \"flags\"}]}.")
    boolean json;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "French text; standard input when absent.")
    List<String> words;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        List<String> lines = InputText.from(words, System.in).lines().map(FrenchNormalizer::clean).toList();
        if (SourceLanguage.judgeable(String.join(" ", lines))) {
            quality.prepare(); // a shorter input is never judged: its profiles would be read for nothing
        }
        SentenceSegmenter.loadRules(); // here, while libtorch loads on the engine's thread, not after it
        // No memory unless --memory FILE: a one-off command has no output folder to keep one in.
        try (LoadedModel model = LoadedModel.load(modelOption.resolve(Role.TRANSLATION));
             TranslationMemory memory = memoryOptions.memory(Optional.empty(), "translate",
                     spec.commandLine().getErr())) {
            model.warnings().forEach(w -> spec.commandLine().getErr().println("depeche: warning: " + w));
            GenerationConfig generation = generationOptions.applyTo(model.generationDefaults());
            quality.warnIfUnscored(generation, spec.commandLine().getErr());
            Translator translator = new Translator(model, generation, Batcher.forGeneration(),
                    sentenceLimit.maxSentenceTokens, memory);
            return print(checked(translator.translate(lines)));
        }
    }

    /**
     * The translations with their quality flags: the same checks as the batch job, the whole input counting as
     * one text for its language (said on stderr when it is not French).
     */
    private List<TranslatedParagraph> checked(List<TranslatedParagraph> paragraphs) {
        List<SentencePair> translated = paragraphs.stream().flatMap(TranslatedParagraph::translations).toList();
        QualityChecks.CheckedText checked = quality.checks().checkText(translated);
        checked.warnings().forEach(w -> spec.commandLine().getErr().println("depeche: warning: " + w));
        Iterator<SentencePair> flagged = checked.sentences().iterator();
        return paragraphs.stream().map(p -> new TranslatedParagraph(p.sentences().stream()
                .map(s -> new TranslatedParagraph.Sentence(s.source(),
                        s.translation().map(pair -> flagged.next())))
                .toList())).toList();
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
            // Flags saying what a warning already said (split, cut) are not repeated.
            outcome.value().ifPresent(s -> s.flags().stream().filter(f -> !s.warnings().contains(f.reason()))
                    .forEach(f -> err.println(where + ": " + f.code() + ": " + f.reason())));
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
                if (s.origin() == Origin.REVIEWED) {
                    item.put("origin", "reviewed"); // a reviewer's translation from the memory: no ids
                }
                if (!s.warnings().isEmpty()) {
                    s.warnings().forEach(item.putArray("warnings")::add);
                }
                ArrayNode flags = item.putArray("flags");
                s.flags().forEach(f -> flags.addObject().put("code", f.code())
                        .put("severity", f.severity().name().toLowerCase(Locale.ROOT)).put("reason", f.reason()));
            }, () -> item.putNull("target").put("error", sentence.translation().error().orElseThrow()));
        }
        return root;
    }
}
