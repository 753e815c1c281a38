package io.natrium.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.transform.SubjectTransform;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shadow subjects of nats-server's {@code addShadowSubscriptions}, as nats-server 2.9.10 lists them in the
 * exporter's /subsz for an import of {@code ev.>} with the prefix {@code imp}, an import keeping the exporter's
 * subjects, and a literal one renamed.
 */
class ResolvedStreamImportTest {

    private static ResolvedStreamImport imported(String from, String to) {
        return new ResolvedStreamImport("B", "A", from, SubjectTransform.strict(from,
                SubjectTransform.referencingWildcards(to)));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
        "ev.>, imp.ev.>, imp.ev.>, ev.>",
        "ev.>, imp.ev.>, imp.ev.a, ev.a",
        "ev.>, imp.ev.>, imp.ev.a.b, ev.a.b",
        "ev.>, imp.ev.>, imp.ev.*, ev.*",
        "ev.>, imp.ev.>, imp.>, ev.>",
        "ev.>, imp.ev.>, >, ev.>",
        "ev.>, imp.ev.>, other, none",
        "ev.>, imp.ev.>, imp.ev, none",
        "ev.>, ev.>, ev.a, ev.a",
        "ev.>, ev.>, ev.>, ev.>",
        "ev.>, ev.>, *.>, ev.>",
        "news, local.news, local.news, news",
        "news, local.news, local.*, news",
        "news, local.news, news, none",
    })
    void aSubscriptionMeetingTheImportIsShadowedOnTheExportersSubject(String from, String to, String subscribed,
            String shadow) {
        assertThat(imported(from, to).shadowSubject(subscribed)).isEqualTo(shadow);
    }
}
