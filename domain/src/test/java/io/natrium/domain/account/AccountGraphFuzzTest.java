package io.natrium.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.natrium.domain.subject.Subject;
import io.natrium.domain.subject.SubjectFilter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Properties of generated account graphs. The normal test run replays the seeds under
 * {@code src/test/resources/io/natrium/domain/account/AccountGraphFuzzTestInputs}. Jazzer fuzzes one method per run,
 * so name it to fuzz for a bounded time:
 * {@code JAZZER_FUZZ=1 ./mvnw -o -q -B -pl domain test
 * -Dtest='AccountGraphFuzzTest#authorizedStreamImportsDeliverUnderTheirLocalFilter' -Djazzer.max_duration=60s}.
 * Inputs it finds go to {@code domain/.cifuzz-corpus} (ignored by git); copy the ones worth keeping next to the seeds.
 */
class AccountGraphFuzzTest {

    private static final String[] LITERALS = {"a", "b", "orders", "é", "x1"};
    private static final String IMPORTER = "B";

    /**
     * A stream import that is authorized (public, for the importer, or by the importer's name at a wildcard token)
     * and narrower than or equal to its export, imported as it is, under a prefix, or renamed with every wildcard
     * referenced once in any order, always loads; and every subject published in the exporter that the import
     * matches arrives in the importer on a valid subject its local filter matches.
     */
    @FuzzTest
    void authorizedStreamImportsDeliverUnderTheirLocalFilter(FuzzedDataProvider data) {
        List<String> export = new ArrayList<>();
        for (int i = data.consumeInt(1, 4); i > 0; i--) {
            export.add(data.consumeBoolean() ? "*" : pick(data));
        }
        if (data.consumeBoolean()) {
            export.add(">");
        }
        int tokenPosition = 0;
        if (export.contains("*") && data.consumeBoolean()) {
            tokenPosition = export.indexOf("*") + 1;
        }
        List<String> imported = narrower(export, tokenPosition, data);
        ExportAuthorization authorization = tokenPosition > 0 ? ExportAuthorization.byTokenPosition(tokenPosition)
                : data.consumeBoolean() ? ExportAuthorization.PUBLIC
                : ExportAuthorization.forAccounts(List.of(IMPORTER, "C"));
        String subject = String.join(".", imported);
        String prefix = null;
        String to = null;
        switch (data.consumeInt(0, 2)) {
            case 1 -> prefix = String.join(".", literals(data, 1, 3)) + (data.consumeBoolean() ? "." : "");
            case 2 -> to = rename(imported, data);
            default -> {
            }
        }
        String published = literalMatching(imported, data);

        AccountGraph graph = AccountGraph.build(List.of(
                new AccountDefinition("A", List.of(new StreamExport(String.join(".", export), authorization)),
                        List.of(), List.of(), List.of()),
                new AccountDefinition(IMPORTER, List.of(), List.of(),
                        List.of(new StreamImport("A", subject, prefix, to)), List.of()),
                AccountDefinition.named("C")));

        ResolvedStreamImport resolved = graph.streamImportsOf(IMPORTER).get(0);
        assertThat(resolved.matches(published)).as("%s matches %s", subject, published).isTrue();
        String local = resolved.localSubject(published);
        assertThat(Subject.isValidPublish(local)).as(local).isTrue();
        assertThat(SubjectFilter.matches(resolved.localFilter(), local))
                .as("%s -> %s under %s", published, local, resolved.localFilter()).isTrue();
        assertThat(graph.streamImportsFrom("A")).containsExactly(resolved);
    }

    /** An import subject within the export: wildcards kept or narrowed, the importer's name at the token position. */
    private static List<String> narrower(List<String> export, int tokenPosition, FuzzedDataProvider data) {
        List<String> imported = new ArrayList<>();
        for (int i = 0; i < export.size(); i++) {
            String token = export.get(i);
            if (i + 1 == tokenPosition) {
                imported.add(IMPORTER);
            } else if (token.equals("*")) {
                imported.add(data.consumeBoolean() ? "*" : pick(data));
            } else if (token.equals(">")) {
                if (data.consumeBoolean()) {
                    imported.add(">");
                } else {
                    for (int more = data.consumeInt(1, 2); more > 0; more--) {
                        imported.add(data.consumeBoolean() ? "*" : pick(data));
                    }
                    if (data.consumeBoolean()) {
                        imported.add(">");
                    }
                }
            } else {
                imported.add(token);
            }
        }
        return imported;
    }

    /** A 'to' of literals and one reference to each wildcard, in a random order, then '>' when the import has it. */
    private static String rename(List<String> imported, FuzzedDataProvider data) {
        int wildcards = Collections.frequency(imported, "*");
        List<Integer> order = new ArrayList<>();
        for (int i = 1; i <= wildcards; i++) {
            order.add(i);
        }
        for (int i = order.size() - 1; i > 0; i--) {
            Collections.swap(order, i, data.consumeInt(0, i));
        }
        List<String> to = new ArrayList<>(literals(data, wildcards == 0 ? 1 : 0, 2));
        for (int reference : order) {
            to.add(data.consumeBoolean() ? "$" + reference : "{{wildcard(" + reference + ")}}");
            to.addAll(literals(data, 0, 1));
        }
        if (imported.get(imported.size() - 1).equals(">")) {
            to.add(">");
        }
        return String.join(".", to);
    }

    private static String literalMatching(List<String> filter, FuzzedDataProvider data) {
        List<String> subject = new ArrayList<>();
        for (String token : filter) {
            if (token.equals(">")) {
                subject.addAll(literals(data, 1, 3));
            } else {
                subject.add(token.equals("*") ? pick(data) : token);
            }
        }
        return String.join(".", subject);
    }

    private static List<String> literals(FuzzedDataProvider data, int min, int max) {
        List<String> literals = new ArrayList<>();
        for (int i = data.consumeInt(min, max); i > 0; i--) {
            literals.add(pick(data));
        }
        return literals;
    }

    private static String pick(FuzzedDataProvider data) {
        return LITERALS[data.consumeInt(0, LITERALS.length - 1)];
    }
}
