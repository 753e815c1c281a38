package io.natrium.bootstrap.check;

import java.util.List;

/**
 * The command line of {@code natrium check}: one configuration file, one client, one question. Options take their
 * value as the next argument or after {@code =}, as the server's own flags do.
 *
 * @param configFile the configuration file ({@code -c}, {@code --config})
 * @param client     whose permissions and account to use
 * @param question   what to answer
 */
record CheckArguments(String configFile, Client client, Question question) {

    /** Who is asking: a user, an nkey user, the token client, or an account's user without own permissions. */
    record Client(ClientKind kind, String name) {
    }

    enum ClientKind { USER, NKEY, TOKEN, ACCOUNT }

    /** What is asked: publish or subscribe permission, or the subject after mappings. */
    record Question(QuestionKind kind, String subject, String queue) {
    }

    enum QuestionKind { PUBLISH, SUBSCRIBE, MAP }

    static final String USAGE = """
            Usage: natrium check -c FILE (--user NAME | --nkey KEY | --token | --account NAME)
                                 (--publish SUBJECT | --subscribe SUBJECT [--queue GROUP] | --map SUBJECT)

            Answers from the configuration file alone, without starting a server or opening a socket.

            Questions:
                --publish SUBJECT       May the client publish to SUBJECT? The account's subject mappings
                                        apply first, as in the server, so permissions are checked on the
                                        mapped subject (on each possible one for a weighted mapping).
                --subscribe SUBJECT     May the client subscribe to SUBJECT (a filter, wildcards allowed)?
                --queue GROUP           ... as a member of queue group GROUP.
                --map SUBJECT           What SUBJECT becomes after the account's subject mappings; weighted
                                        destinations are listed with their shares.

            Clients:
                --user NAME             A user of 'authorization' or of an account, or the single user.
                --nkey KEY              An nkey user (its public key, U...).
                --token                 A client signing in with the authorization token.
                --account NAME          A user of account NAME without permissions of its own (it gets the
                                        account's default_permissions); $G is the global account.

            Each answer names the rule that decided it: deny beats allow, and without an allow list
            everything not denied is allowed.

            Exit status:
                0   allowed (every possible mapped subject is), or the --map answer
                1   denied
                2   usage error, unknown user or account, or an error in the configuration file
                    (printed as the server prints it at startup)""";

    /**
     * @throws CheckException with what is wrong with the command line
     */
    static CheckArguments parse(List<String> args) throws CheckException {
        Parser parser = new Parser();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("-") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            // Like Go's flag package, which the server's command line follows: one dash or two.
            name = name.startsWith("--") ? name.substring(1) : name;
            if (name.equals("-token")) {
                if (value != null) {
                    throw new CheckException("--token takes no value: it stands for the configured token");
                }
                parser.client(new Client(ClientKind.TOKEN, null));
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new CheckException("missing value for " + arg);
                }
                value = args.get(++i);
            }
            parser.option(name, arg, value);
        }
        return parser.finish();
    }

    /** Collects options, refusing a second client or question. */
    private static final class Parser {

        private String configFile;
        private Client client;
        private QuestionKind questionKind;
        private String subject;
        private String queue;

        void option(String name, String written, String value) throws CheckException {
            switch (name) {
                case "-c", "-config" -> configFile = value;
                case "-user" -> client(new Client(ClientKind.USER, value));
                case "-nkey" -> client(new Client(ClientKind.NKEY, value));
                case "-account" -> client(new Client(ClientKind.ACCOUNT, value));
                case "-publish" -> question(QuestionKind.PUBLISH, value);
                case "-subscribe" -> question(QuestionKind.SUBSCRIBE, value);
                case "-map" -> question(QuestionKind.MAP, value);
                case "-queue" -> queue = value;
                default -> throw new CheckException("unknown option " + written);
            }
        }

        void client(Client given) throws CheckException {
            if (client != null) {
                throw new CheckException("give one of --user, --nkey, --token or --account");
            }
            client = given;
        }

        void question(QuestionKind kind, String value) throws CheckException {
            if (questionKind != null) {
                throw new CheckException("give one of --publish, --subscribe or --map");
            }
            questionKind = kind;
            subject = value;
        }

        CheckArguments finish() throws CheckException {
            if (configFile == null) {
                throw new CheckException("missing -c FILE: the check reads a configuration file");
            }
            if (client == null) {
                throw new CheckException("missing --user, --nkey, --token or --account");
            }
            if (questionKind == null) {
                throw new CheckException("missing --publish, --subscribe or --map");
            }
            if (queue != null && questionKind != QuestionKind.SUBSCRIBE) {
                throw new CheckException("--queue goes with --subscribe");
            }
            return new CheckArguments(configFile, client, new Question(questionKind, subject, queue));
        }
    }
}
