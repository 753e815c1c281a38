package io.natrium.domain.permission;

import static io.natrium.domain.permission.ClientPermissions.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * {@code allow_responses} on a manual clock: a reply subject delivered to the client may be published to
 * {@code max} times within {@code expires}, as nats-server's {@code responseAllowed} counts them.
 */
class ResponsePermissionsTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long START = 5 * SECOND;
    private static final String INBOX = "_INBOX.abc.1";

    private long now = START;

    @Test
    void byDefaultOneResponseWithinTwoMinutes() {
        ClientPermissions client = responder(ResponsePermission.defaults());

        assertThat(client.canPublish(INBOX, now)).as("not delivered yet").isFalse();
        client.trackReply(INBOX, now);
        now += SECOND;

        assertThat(client.canPublish(INBOX, now)).isTrue();
        assertThat(client.canPublish(INBOX, now)).isFalse();
        assertThat(client.trackedReplies()).as("dropped when found used up").isZero();
        assertThat(client.canPublish("_INBOX.other", now)).isFalse();
    }

    @Test
    void maxMessagesResponsesPerDeliveredReply() {
        ClientPermissions client = responder(new ResponsePermission(3, Duration.ofMinutes(1)));
        client.trackReply(INBOX, now);

        assertThat(client.canPublish(INBOX, now)).isTrue();
        assertThat(client.canPublish(ClientPermissionsTest.view(INBOX), now)).isTrue();
        assertThat(client.canPublish(INBOX, now)).isTrue();
        assertThat(client.canPublish(INBOX, now)).isFalse();
    }

    @Test
    void theReplyExpiresOnceMoreThanExpiresHasPassed() {
        ClientPermissions atTheLimit = responder(new ResponsePermission(5, Duration.ofSeconds(10)));
        ClientPermissions pastTheLimit = responder(new ResponsePermission(5, Duration.ofSeconds(10)));
        atTheLimit.trackReply(INBOX, now);
        pastTheLimit.trackReply(INBOX, now);

        assertThat(atTheLimit.canPublish(INBOX, now + 10 * SECOND)).isTrue();
        assertThat(pastTheLimit.canPublish(INBOX, now + 10 * SECOND + 1)).isFalse();
        assertThat(pastTheLimit.trackedReplies()).isZero();
    }

    @Test
    void negativeLimitsMeanNoLimit() {
        ClientPermissions client = responder(new ResponsePermission(-1, Duration.ofSeconds(-1)));
        client.trackReply(INBOX, now);

        for (int i = 0; i < 1000; i++) {
            assertThat(client.canPublish(INBOX, now + i * 86_400 * SECOND)).isTrue();
        }
    }

    @Test
    void aReplyTheClientMayPublishToAnywayIsNotTracked() {
        ClientPermissions client = of(Permissions.of(SubjectPermission.allowing("svc.>"), null,
                ResponsePermission.defaults()));

        client.trackReply("svc.reply", now);

        assertThat(client.trackedReplies()).isZero();
        assertThat(client.canPublish("svc.reply", now)).isTrue();
        assertThat(client.canPublish("svc.reply", now)).isTrue();
    }

    @Test
    void anEmptyReplyIsNotTracked() {
        ClientPermissions client = responder(ResponsePermission.defaults());

        client.trackReply("", now);
        client.trackReply(ClientPermissionsTest.view(""), now);

        assertThat(client.trackedReplies()).isZero();
    }

    /**
     * nats-server (since 2.11) runs the full publish check before tracking a delivered reply, and that check counts a
     * use of a reply it already tracks: with max 1, a reply delivered twice before the response is used up by the
     * second delivery (nats-server 2.9.10 reset the entry instead).
     */
    @Test
    void aReplyDeliveredAgainWhileTrackedCountsAsAResponse() {
        ClientPermissions client = responder(ResponsePermission.defaults());

        client.trackReply(INBOX, now);
        client.trackReply(INBOX, now);

        assertThat(client.canPublish(INBOX, now)).isFalse();
        client.trackReply(INBOX, now);
        assertThat(client.canPublish(INBOX, now)).as("tracked afresh once dropped").isTrue();
    }

    /** As in nats-server, a tracked reply is allowed even where a publish deny entry would refuse it. */
    @Test
    void aTrackedReplyIsAllowedDespiteADenyEntry() {
        ClientPermissions client = of(Permissions.of(SubjectPermission.denying("_INBOX.>"), null,
                ResponsePermission.defaults()));

        assertThat(client.canPublish(INBOX, now)).isFalse();
        client.trackReply(INBOX, now);

        assertThat(client.canPublish(INBOX, now)).isTrue();
    }

    @Test
    void trackingSweepsStaleRepliesAtMostOnceASecond() {
        ClientPermissions client = responder(ResponsePermission.defaults());
        client.trackReply("used", now);
        assertThat(client.canPublish("used", now)).isTrue();

        now += SECOND;
        client.trackReply("second", now);
        assertThat(client.trackedReplies()).as("a second after the last sweep").isEqualTo(2);

        now += 1;
        client.trackReply("third", now);
        assertThat(client.trackedReplies()).as("swept: 'used' is gone").isEqualTo(2);
    }

    @Test
    void trackingSweepsAfterManyRepliesEvenWithoutTimePassing() {
        ClientPermissions client = responder(ResponsePermission.defaults());
        client.trackReply("used", now);
        assertThat(client.canPublish("used", now)).isTrue();

        for (int i = 0; i < ReplyPermissions.PRUNE_AFTER_TRACKED; i++) {
            client.trackReply("r" + i, now);
        }
        assertThat(client.trackedReplies()).isEqualTo(ReplyPermissions.PRUNE_AFTER_TRACKED + 1);

        client.trackReply("one.more", now);
        assertThat(client.trackedReplies()).isEqualTo(ReplyPermissions.PRUNE_AFTER_TRACKED + 1);
        assertThat(client.canPublish("used", now)).isFalse();
    }

    @Test
    void sweepingDropsOnlyRepliesThatWouldBeRefused() {
        ClientPermissions swept = responder(new ResponsePermission(2, Duration.ofSeconds(10)));
        ClientPermissions kept = responder(new ResponsePermission(2, Duration.ofSeconds(10)));
        for (ClientPermissions client : new ClientPermissions[] {swept, kept}) {
            client.trackReply("fresh", now);
            client.trackReply("old", now - 20 * SECOND);
            client.trackReply("half", now);
            client.canPublish("half", now);
            client.trackReply("full", now);
            client.canPublish("full", now);
            client.canPublish("full", now);
        }

        swept.pruneReplies(now);

        assertThat(swept.trackedReplies()).isEqualTo(2);
        for (String reply : new String[] {"fresh", "old", "half", "full", "fresh", "half"}) {
            assertThat(swept.canPublish(reply, now)).as(reply).isEqualTo(kept.canPublish(reply, now));
        }
    }

    private static ClientPermissions responder(ResponsePermission responses) {
        return of(Permissions.of(null, null, responses));
    }
}
