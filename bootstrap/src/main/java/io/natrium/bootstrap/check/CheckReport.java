package io.natrium.bootstrap.check;

import static io.natrium.domain.text.GoStrings.quote;

import io.natrium.domain.permission.ClientPermissions;
import io.natrium.domain.permission.PermissionDecision;
import io.natrium.domain.permission.Permissions;
import io.natrium.domain.transform.MappingOutcome;
import io.natrium.domain.transform.SubjectMapping;
import io.natrium.domain.transform.SubjectMappings;
import io.natrium.domain.transform.WeightedDestination;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer to one check: the lines to print and the exit status. The first line says who the client is, in which
 * account, and where its permissions come from; the rest answers the question.
 *
 * @param lines    what to print, one line each
 * @param exitCode {@link CheckCommand#EXIT_ALLOWED} or {@link CheckCommand#EXIT_DENIED}
 */
record CheckReport(List<String> lines, int exitCode) {

    CheckReport {
        lines = List.copyOf(lines);
    }

    /**
     * Publishing: the server maps the subject with the account's mappings before it checks permissions, so each
     * subject the mapping may produce is checked. Allowed only when every one of them is.
     */
    static CheckReport publish(CheckedClient client, String subject, SubjectMappings mappings) {
        List<String> lines = header(client);
        Permissions permissions = client.permissions();
        SubjectMapping mapping = mappings.mappingFor(subject);
        boolean allowed = true;
        if (mapping == null) {
            PermissionDecision decision = permissions.explainPublish(subject);
            allowed = decision.allowed();
            lines.add("publish " + quote(subject) + ": " + DecisionWording.of(decision, "publish"));
        } else {
            List<MappingOutcome> outcomes = mapping.outcomes(subject);
            lines.add("publish " + quote(subject) + " is mapped by " + describe(mapping)
                    + (outcomes.size() == 1 ? "" : ", one subject drawn at random per message")
                    + "; permissions apply to the mapped subject:");
            for (MappingOutcome outcome : outcomes) {
                PermissionDecision decision = permissions.explainPublish(outcome.subject());
                allowed &= decision.allowed();
                lines.add("  " + share(outcome, outcomes.size()) + ": " + DecisionWording.of(decision, "publish"));
            }
        }
        if (!allowed && permissions.responses() != null) {
            lines.add("  note: allow_responses also lets it publish to the reply subjects of requests it receives");
        }
        return new CheckReport(lines, allowed ? CheckCommand.EXIT_ALLOWED : CheckCommand.EXIT_DENIED);
    }

    /** Subscribing: mappings do not apply; the queue group, when given, takes part in the decision. */
    static CheckReport subscribe(CheckedClient client, String subject, String queue) {
        List<String> lines = header(client);
        String asked = "subscribe " + quote(subject) + (queue == null ? "" : " queue " + quote(queue));
        if (ClientPermissions.SYSTEM_QUEUE_GROUP.equals(queue)) {
            lines.add(asked + ": denied: queue group " + quote(queue) + " is reserved for the server");
            return new CheckReport(lines, CheckCommand.EXIT_DENIED);
        }
        PermissionDecision decision = client.permissions().explainSubscribe(subject, queue);
        lines.add(asked + ": " + DecisionWording.of(decision, "subscribe"));
        for (String deny : decision.deliveryDenies()) {
            lines.add("  note: messages on subjects that subscribe deny " + quote(deny)
                    + " matches are not delivered to it");
        }
        return new CheckReport(lines, decision.allowed() ? CheckCommand.EXIT_ALLOWED : CheckCommand.EXIT_DENIED);
    }

    /** Mapping: the subject a message published to {@code subject} goes to, or each one with its share. */
    static CheckReport map(CheckedClient client, String subject, SubjectMappings mappings) {
        List<String> lines = header(client);
        SubjectMapping mapping = mappings.mappingFor(subject);
        if (mapping == null) {
            lines.add("map " + quote(subject) + ": unchanged, no mapping of account "
                    + quote(client.account()) + " matches");
            return new CheckReport(lines, CheckCommand.EXIT_ALLOWED);
        }
        List<MappingOutcome> outcomes = mapping.outcomes(subject);
        if (outcomes.size() == 1) {
            lines.add("map " + quote(subject) + ": " + subjectOf(outcomes.get(0)) + " by " + describe(mapping));
        } else {
            lines.add("map " + quote(subject) + ": one subject drawn at random per message by "
                    + describe(mapping) + ":");
            for (MappingOutcome outcome : outcomes) {
                lines.add("  " + share(outcome, outcomes.size()));
            }
        }
        return new CheckReport(lines, CheckCommand.EXIT_ALLOWED);
    }

    private static List<String> header(CheckedClient client) {
        List<String> lines = new ArrayList<>();
        lines.add(client.header());
        for (String problem : client.permissions().problems()) {
            // The server logs these and goes on without the entry; so does the answer.
            lines.add("  note: skipped " + problem);
        }
        return lines;
    }

    /** {@code mapping "src" -> "dest"} for one destination, {@code mapping "src"} with its weights otherwise. */
    private static String describe(SubjectMapping mapping) {
        List<WeightedDestination> destinations = mapping.destinations();
        if (destinations.size() == 1 && destinations.get(0).cluster().isEmpty()
                && destinations.get(0).weight() == SubjectMapping.TOTAL_WEIGHT) {
            return "mapping " + quote(mapping.source()) + " -> " + quote(destinations.get(0).subject());
        }
        return "mapping " + quote(mapping.source());
    }

    /** {@code 30% "bar"}, or just the subject when it takes every message. */
    private static String share(MappingOutcome outcome, int outcomes) {
        String subject = subjectOf(outcome);
        return outcomes == 1 ? subject : String.format("%3d%% %s", outcome.weight(), subject);
    }

    private static String subjectOf(MappingOutcome outcome) {
        return outcome.dropped() ? "dropped (delivered nowhere)" : quote(outcome.subject());
    }
}
