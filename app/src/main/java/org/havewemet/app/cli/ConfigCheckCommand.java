package org.havewemet.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.havewemet.config.ConfigException;
import org.havewemet.config.ConfigLoader;
import org.havewemet.config.FoldersConfig;
import org.havewemet.config.HaveWeMetConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code havewemet config check FILE}: validates a {@code havewemet.yaml} before the server loads it, printing every
 * problem at once. Exit codes: 0 valid, 1 invalid, 2 usage error.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Work with the havewemet.yaml configuration.",
        subcommands = {ConfigCheckCommand.Check.class})
public class ConfigCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** {@code havewemet config} alone is a usage error: a subcommand is needed. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: check");
    }

    /** {@code check FILE}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check a havewemet.yaml file and print every problem found, with line and column.")
    public static class Check implements Callable<Integer> {
        static final int VALID = 0;
        static final int INVALID = 1;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "the havewemet.yaml file to check")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            HaveWeMetConfig config;
            try {
                config = ConfigLoader.load(file);
            } catch (ConfigException invalid) {
                err.println(invalid.getMessage());
                err.flush();
                return INVALID;
            }
            Optional<Path> platforms = config.platforms().resolvedFile(file.toAbsolutePath().getParent());
            if (platforms.isPresent() && !Files.isRegularFile(platforms.get())) {
                err.println(file + ": platforms.file: file does not exist: " + platforms.get());
                err.flush();
                return INVALID;
            }
            FoldersConfig folders = config.folders();
            out.println("OK " + file + ": folders priority=\"" + folders.priority() + "\" unexplained=\""
                    + folders.unexplained() + "\" suspicious=\"" + folders.suspicious() + "\" drafts=\""
                    + folders.drafts() + "\"");
            out.flush();
            return VALID;
        }
    }
}
