package depeche.cli;

import depeche.folder.ModelException;
import depeche.model.TorchRuntime;
import depeche.text.OneLine;
import depeche.tokenize.TokenizerKind;
import depeche.tokenize.Tokenizers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code depeche} command: French news in, reviewed bilingual English out. */
@Command(
        name = "depeche",
        mixinStandardHelpOptions = true,
        version = "depeche " + Main.VERSION,
        description = "Translates French news articles into English with local transformer models.")
public final class Main implements Runnable {

    /** depeche's version, recorded in every output. */
    public static final String VERSION = "0.1.0";

    /** Exit code when every item succeeded. */
    public static final int EXIT_OK = 0;
    /** Exit code when some items failed and the others were still written. */
    public static final int EXIT_SOME_FAILED = 1;
    /** Exit code for usage errors: bad options, missing or unusable model folders. */
    public static final int EXIT_USAGE = 2;
    /** Exit code for an unforeseen failure (a bug in depeche): never mistaken for "some articles failed". */
    public static final int EXIT_INTERNAL_ERROR = 3;

    /** The subcommands, in the order {@code --help} lists them. */
    private static final List<Class<?>> COMMANDS = List.of(RunCommand.class, TranslateCommand.class,
            SummarizeCommand.class, ModelsCommand.class, BenchCommand.class, ReviewCommand.class, MemoryCommand.class,
            CommandLine.HelpCommand.class);
    /**
     * The commands that run a model, with the tokenizers their default models use (opus-mt's SentencePiece, BART's
     * byte-level BPE), whose libraries are loaded before libtorch.
     */
    private static final Map<String, Set<TokenizerKind>> TOKENIZERS = Map.of(
            "run", Set.of(TokenizerKind.SPM_VOCAB, TokenizerKind.VOCAB_MERGES),
            "translate", Set.of(TokenizerKind.SPM_VOCAB),
            "summarize", Set.of(TokenizerKind.VOCAB_MERGES),
            "bench", Set.of(TokenizerKind.SPM_VOCAB));
    private static final Set<String> HELP_OPTIONS = Set.of("-h", "--help", "-V", "--version");
    private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        djlOffline(); // before the engine's thread and the tokenizer's library look for their native files
        if (loadsModel(args)) {
            // libtorch takes 0.6 s to load: begin now, beside parsing the options and reading the model's files.
            // A class, not a lambda, as everywhere on the way here: the first lambda of a JVM costs 10-20 ms of
            // set-up, which the engine's start would wait for.
            TorchRuntime.startInBackground(new Runnable() {
                @Override
                public void run() {
                    Tokenizers.loadNativeLibraries(TOKENIZERS.get(args[0]));
                }
            });
        }
        int code = run(args);
        TorchRuntime.awaitBackgroundStart();
        TorchRuntime.skipNativeTeardownAtExit();
        System.exit(code);
    }

    /** Whether {@code args} name a command that runs a model (not only to print its help). */
    static boolean loadsModel(String[] args) {
        if (args.length == 0 || !TOKENIZERS.containsKey(args[0])) {
            return false;
        }
        for (String arg : args) {
            if (HELP_OPTIONS.contains(arg)) {
                return false;
            }
        }
        return true;
    }

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        djlOffline();
        return commandLineFor(args).execute(args);
    }

    /** DJL never downloads anything (native libraries, models): depeche's only network use is fetching models. */
    private static void djlOffline() {
        System.setProperty("ai.djl.offline", "true");
    }

    /** The configured command line with every subcommand, for tests that capture its output. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /** The configured command line that {@link #run} executes {@code args} with. */
    public static CommandLine commandLineFor(String... args) {
        return commandLine(args.length > 0 ? args[0] : null);
    }

    /**
     * The configured command line for arguments that begin with {@code first}: when it names a subcommand, that
     * one alone is built. Building all of them (picocli reads every option of every class by reflection) took
     * 0.2 s of a one-sentence {@code translate}; any other first argument ({@code --help}, {@code help}, which
     * shows the others, a typo, none) gets them all, so the usage and the error messages are complete.
     */
    private static CommandLine commandLine(String first) {
        // picocli registers converters for java.sql and java.time types by reflection, initialising their classes
        // (java.time's formatters: 70 classes, 10-20 ms of a command's start); no option here has such a type.
        // One pattern: picocli compiles each pattern again for each of its 20 converters.
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, "java\\.(sql|time)\\..*");
        }
        CommandLine cl = new CommandLine(new Main());
        boolean named = COMMANDS.stream().anyMatch(c -> c != CommandLine.HelpCommand.class && nameOf(c).equals(first));
        for (Class<?> command : COMMANDS) {
            if (!named || nameOf(command).equals(first)) {
                cl.addSubcommand(command);
            }
        }
        // Options are checked while they are parsed, before any model is fetched or loaded: one line, exit 2.
        cl.setParameterExceptionHandler((ex, args) -> {
            String command = ex.getCommandLine().getCommandSpec().qualifiedName(" ");
            ex.getCommandLine().getErr().println(command + ": " + OneLine.of(ex) + " (see " + command + " --help)");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ModelException || ex instanceof UsageException) {
                commandLine.getErr().println("depeche: " + ex.getMessage());
                return EXIT_USAGE;
            }
            if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
                // A folder that cannot be read or written (permissions, a full disk): the setup is at fault.
                commandLine.getErr().println("depeche: " + OneLine.of(ex));
                return EXIT_USAGE;
            }
            commandLine.getErr().println("depeche: internal error, please report it: " + ex.getClass().getName()
                    + ": " + OneLine.of(ex));
            if (System.getenv("DEPECHE_DEBUG") != null) {
                ex.printStackTrace(commandLine.getErr());
            }
            return EXIT_INTERNAL_ERROR;
        });
        return cl;
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
