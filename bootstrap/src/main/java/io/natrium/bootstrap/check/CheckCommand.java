package io.natrium.bootstrap.check;

import io.natrium.adapter.config.CommandLine;
import io.natrium.adapter.config.CommandLineException;
import io.natrium.adapter.config.ConfigurationLoader;
import io.natrium.adapter.config.LoadedConfiguration;
import io.natrium.adapter.config.syntax.ConfigParser;
import io.natrium.application.settings.ServerSettings;
import io.natrium.bootstrap.check.CheckArguments.Question;
import io.natrium.domain.subject.Subject;
import io.natrium.domain.subject.SubjectFilter;
import io.natrium.domain.text.GoStrings;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code natrium check}: loads the configuration file the way the server does at startup, finds the client and
 * answers one question about it. Returns the exit status rather than exiting, so that tests can run it in-process;
 * the main class passes it to {@code System.exit}.
 */
public final class CheckCommand {

    /** Allowed, or the {@code --map} answer. */
    public static final int EXIT_ALLOWED = 0;
    /** Denied. Apart from errors so that scripts can tell "no" from "could not tell". */
    public static final int EXIT_DENIED = 1;
    /** Usage error, unknown client, or a configuration error. */
    public static final int EXIT_ERROR = 2;

    /** The prefix the server's startup errors carry (nats-server's PrintAndDie). */
    private static final String SERVER_PREFIX = "nats-server: ";

    private final PrintStream out;
    private final PrintStream err;

    public CheckCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** @param args the arguments after {@code check} */
    public int run(List<String> args) {
        if (args.isEmpty()) {
            err.println(CheckArguments.USAGE);
            return EXIT_ERROR;
        }
        if (args.contains("-h") || args.contains("--help") || args.contains("-help")) {
            out.println(CheckArguments.USAGE + "\n\n" + JwtCheck.USAGE);
            return EXIT_ALLOWED;
        }
        try {
            if (JwtCheck.asked(args)) {
                return checkJwt(args);
            }
            CheckArguments arguments = CheckArguments.parse(args);
            validate(arguments.question());
            LoadedConfiguration loaded = load(arguments.configFile());
            // The checker starts nothing: a feature the server would refuse to run without (TLS) changes no answer.
            if (!loaded.errorsBesidesRefusals().isEmpty()) {
                printConfigurationErrors(loaded.errorsBesidesRefusals());
                return EXIT_ERROR;
            }
            CheckReport report = answer(loaded.settings(), arguments);
            report.lines().forEach(out::println);
            return report.exitCode();
        } catch (CheckException e) {
            err.println("natrium check: " + e.getMessage());
            return EXIT_ERROR;
        }
    }

    /** A user JWT or creds file, alone or against an operator-mode configuration. */
    private int checkJwt(List<String> args) throws CheckException {
        int[] exit = {EXIT_ERROR};
        List<String> lines = JwtCheck.run(args, CheckCommand::load, exit);
        lines.forEach(out::println);
        return exit[0];
    }

    private static CheckReport answer(ServerSettings settings, CheckArguments arguments) throws CheckException {
        CheckedClient client;
        try {
            client = new ClientResolver(settings).resolve(arguments.client());
        } catch (IllegalArgumentException e) {
            // What the server's security policy would refuse at startup (duplicate users, a malformed nkey).
            throw new CheckException("configuration: " + e.getMessage());
        }
        Question question = arguments.question();
        return switch (question.kind()) {
            case PUBLISH -> CheckReport.publish(client, question.subject(),
                    AccountMappings.of(settings, client.account()));
            case SUBSCRIBE -> CheckReport.subscribe(client, question.subject(), question.queue());
            case MAP -> CheckReport.map(client, question.subject(), AccountMappings.of(settings, client.account()));
        };
    }

    /** Published subjects are literal; a subscription may use wildcards; a queue group is one filter. */
    private static void validate(Question question) throws CheckException {
        String subject = question.subject();
        switch (question.kind()) {
            case PUBLISH, MAP -> {
                if (!Subject.isValidPublish(subject)) {
                    throw new CheckException("not a subject one can publish to: " + GoStrings.quote(subject)
                            + " (tokens separated by dots, no wildcards, no white space)");
                }
            }
            case SUBSCRIBE -> {
                if (!SubjectFilter.isValid(subject)) {
                    throw new CheckException("not a valid subscription subject: " + GoStrings.quote(subject));
                }
                if (question.queue() != null && !SubjectFilter.isValid(question.queue())) {
                    throw new CheckException("not a valid queue group: " + GoStrings.quote(question.queue()));
                }
            }
        }
    }

    /** The server's own loading: the same parser, mapper and cross-option checks as {@code nats-server -c}. */
    private static LoadedConfiguration load(String file) throws CheckException {
        try {
            return new ConfigurationLoader(ConfigParser::parseFile).load(CommandLine.parse("-c", file));
        } catch (CommandLineException e) {
            throw new CheckException(e.getMessage());
        }
    }

    /** As the server prints them before exiting at startup: one message, one error a line. */
    private void printConfigurationErrors(List<String> errors) {
        StringBuilder text = new StringBuilder();
        errors.forEach(error -> text.append(error).append('\n'));
        err.println(SERVER_PREFIX + text);
    }
}
