package io.natrium.application.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.account.ResolvedStreamImport;
import io.natrium.domain.sublist.Sublist;
import io.natrium.domain.transform.SubjectTransform;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A subscription in an importer casts a closed shadow with its client, account, queue and sid into the exporter's
 * sublist for each stream import it meets; the imported messages count on the shadow; the shadows go with it.
 */
class ShadowSubscriptionsTest {

    private final Account exporter = new Account("A", new Sublist<>(true, Runnable::run));
    private final Account importer = new Account("B", new Sublist<>(true, Runnable::run));
    private final StreamImportSource events = new StreamImportSource(new ResolvedStreamImport("B", "A", "ev.>",
            SubjectTransform.strict("ev.>", SubjectTransform.referencingWildcards("imp.ev.>"))), exporter);
    private final DeliveryTarget client = DeliveryTarget.internal(7);

    @Test
    void aSubscriptionMeetingAStreamImportIsShadowedInTheExporter() {
        importer.applyStreamImports(List.of(events));
        ClientSubscription narrower = subscribe("imp.ev.a", "q", "2");
        ClientSubscription elsewhere = subscribe("other", null, "3");

        assertThat(exporter.sublist().all()).singleElement().satisfies(shadow -> {
            assertThat(shadow.subject()).isEqualTo("ev.a");
            assertThat(shadow.account()).as("named with its client's account").isSameAs(importer);
            assertThat(shadow.queue()).isEqualTo("q");
            assertThat(shadow.sid()).isEqualTo("2");
            assertThat(shadow.clientId()).isEqualTo(7);
            assertThat(shadow.isClosed()).as("never delivered to").isTrue();
        });
        assertThat(elsewhere.shadows()).isNull();
        assertThat(narrower.countFor(events)).as("imported messages count on the shadow")
                .isSameAs(exporter.sublist().all().get(0));
        assertThat(narrower.countFor(new StreamImportSource(events.resolved(), exporter))).as("another import")
                .isSameAs(narrower);

        ShadowSubscriptions.remove(narrower);

        assertThat(exporter.sublist().all()).isEmpty();
        assertThat(exporter.sublist().stats().numInserts()).isEqualTo(1);
        assertThat(exporter.sublist().stats().numRemoves()).isEqualTo(1);
    }

    @Test
    void anAccountWithoutStreamImportsCastsNone() {
        ClientSubscription subscription = subscribe("imp.ev.a", null, "1");

        assertThat(subscription.shadows()).isNull();
        assertThat(exporter.sublist().all()).isEmpty();
    }

    private ClientSubscription subscribe(String subject, String queue, String sid) {
        ClientSubscription subscription = new ClientSubscription(client, importer, subject, queue, sid);
        importer.sublist().insert(subscription);
        ShadowSubscriptions.add(subscription);
        return subscription;
    }
}
