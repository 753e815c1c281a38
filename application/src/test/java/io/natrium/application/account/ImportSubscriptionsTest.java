package io.natrium.application.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.sublist.Sublist;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ImportSubscriptionsTest {

    private final Account account = new Account("B", new Sublist<>(true, Runnable::run));
    private final ImportSubscriptions imports = new ImportSubscriptions(account);

    @Test
    void eachServiceImportHasOneSubscriptionNumberedInOrder() {
        ClientSubscription help = imports.service("ahelp.>");
        ClientSubscription ping = imports.service("$SYS.REQ.ACCOUNT.PING.CONNZ");

        assertThat(imports.service("ahelp.>")).as("made once").isSameAs(help);
        assertThat(help.sid()).isEqualTo("1");
        assertThat(ping.sid()).isEqualTo("2");
        assertThat(help.clientId()).isEqualTo(ImportSubscriptions.UNNUMBERED);
        assertThat(account.sublist().all()).containsExactlyInAnyOrder(help, ping);
        assertThat(account.sublist().match("ahelp.x").plainCount()).isEqualTo(1);
    }

    @Test
    void publishersPassAnImportsSubscriptionBy() {
        ClientSubscription help = imports.service("ahelp.>");

        assertThat(help.isImport()).isTrue();
        assertThat(help.isClosed()).as("the check every delivery makes").isTrue();
        assertThat(help.close()).isFalse();
        assertThat(new ClientSubscription(help.target(), account, "x", null, "1").isImport()).isFalse();
    }

    @Test
    void crossingsAreCountedFromAnyThread() throws InterruptedException {
        ClientSubscription help = imports.service("ahelp.>");
        Thread[] publishers = new Thread[4];
        for (int i = 0; i < publishers.length; i++) {
            publishers[i] = new Thread(() -> {
                for (int n = 0; n < 10_000; n++) {
                    help.countCrossing();
                }
            });
            publishers[i].start();
        }
        for (Thread publisher : publishers) {
            publisher.join(30_000);
        }

        assertThat(help.delivered()).isEqualTo(40_000);
    }

    @Test
    void aReloadDropsTheSubscriptionsOfRemovedImportsAndNumbersNewOnesOn() {
        ClientSubscription kept = imports.service("kept");
        ClientSubscription dropped = imports.service("dropped");

        imports.retainServices(Set.of("kept"));
        ClientSubscription added = imports.service("added");

        assertThat(account.sublist().all()).containsExactlyInAnyOrder(kept, added);
        assertThat(added.sid()).isEqualTo("3");
        assertThat(imports.service("dropped")).as("imported again: a new subscription").isNotSameAs(dropped);
    }

    @Test
    void theResponsesSubscriptionIsMadeOnceOnThePrefix() {
        imports.service("ahelp.>");
        ClientSubscription responses = imports.responses("_R_.abcdef.");

        assertThat(imports.responses("_R_.abcdef.")).isSameAs(responses);
        assertThat(responses.subject()).isEqualTo("_R_.abcdef.>");
        assertThat(responses.sid()).isEqualTo("2");
        assertThat(account.sublist().match("_R_.abcdef.xyz").plainCount()).isEqualTo(1);
    }
}
