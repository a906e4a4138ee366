package depeche.cli;

import static org.assertj.core.api.Assertions.assertThat;

import depeche.testing.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The command line {@link Main#run} builds: only the subcommand the arguments name, else all of them. */
class CommandLineForTest {

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertThat(Main.commandLineFor("translate", "Bonjour.").getSubcommands()).containsOnlyKeys("translate");
        assertThat(Main.commandLineFor("models", "list").getSubcommands()).containsOnlyKeys("models");
        assertThat(Main.commandLineFor("models", "list").getSubcommands().get("models").getSubcommands())
                .containsOnlyKeys("list", "fetch", "verify");
    }

    @Test
    void helpTyposAndNoCommandGetEverySubcommand() {
        String[] all = {"run", "translate", "summarize", "models", "bench", "review", "memory", "help"};
        assertThat(Main.commandLineFor().getSubcommands()).containsOnlyKeys(all);
        assertThat(Main.commandLineFor("--help").getSubcommands()).containsOnlyKeys(all);
        assertThat(Main.commandLineFor("help", "translate").getSubcommands()).containsOnlyKeys(all);
        assertThat(Main.commandLineFor("transalte", "x").getSubcommands()).containsOnlyKeys(all);
    }

    @Test
    void aSubcommandsHelpIsTheSameBuiltAloneOrWithTheOthers() {
        for (String command : new String[] {"run", "translate", "summarize", "bench", "memory"}) {
            StringWriter full = new StringWriter();
            Main.commandLine().setOut(new PrintWriter(full, true)).execute(command, "--help");
            Cli.Result alone = Cli.run(command, "--help");
            assertThat(alone.exitCode()).isZero();
            assertThat(alone.out()).isEqualTo(full.toString()).startsWith("Usage: depeche " + command);
        }
    }

    @Test
    void helpNamesAnotherCommand() {
        Cli.Result result = Cli.run("help", "translate");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: depeche translate");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void aBadOptionOfALoneSubcommandIsStillAOneLineUsageError() {
        Cli.Result result = Cli.run("translate", "--beams", "0", "Bonjour.");
        assertThat(result.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(result.err().strip()).isEqualTo(
                "depeche translate: --beams must be at least 1, not 0 (see depeche translate --help)");
    }
}
