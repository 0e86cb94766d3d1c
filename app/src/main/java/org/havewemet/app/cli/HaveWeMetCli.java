package org.havewemet.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./havewemet}: the embedded demo server and the command-line tools. */
@Command(name = "havewemet",
    mixinStandardHelpOptions = true,
    version = "havewemet 0.1.0 for Apache James 3.8.1",
    description = "\"Have we met?\" triage of connection invitations for Apache James.",
    subcommands = {ServeCommand.class, ClassifyCommand.class, SearchCommand.class, BackfillCommand.class,
        ConfigCheckCommand.class,
        CommandLine.HelpCommand.class})
public final class HaveWeMetCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; exit code 2 for usage errors, as documented. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new HaveWeMetCli());
        // picocli asks this mapper for parse errors too, so it must keep their usage-error code itself
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1);
        cli.getCommandSpec().exitCodeOnInvalidInput(2);
        cli.getCommandSpec().subcommands().values()
            .forEach(sub -> sub.getCommandSpec().exitCodeOnInvalidInput(2));
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
