package io.natrium.application.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.out.ClientInfo;
import io.natrium.application.port.out.ServiceLatencyReport;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The latency report of a measured request: nats-server's times, statuses and parties, before any JSON. */
class LatencyTrackingTest {

    private static final ClientInfo REQUESTER = ClientInfo.brief("A", 2_000);
    private static final Map<String, List<String>> HEADER = Map.of("B3", List.of("1"));
    private static final long ARRIVED = 1_000_000;

    @Test
    void anAnsweredRequestCountsTheRoundTripsAsNatsServerDoes() {
        Instant before = Instant.now();
        LatencyTracking tracking = new LatencyTracking("lat", REQUESTER, 2_000, HEADER, ARRIVED);
        Instant after = Instant.now();
        tracking.forwarded(ARRIVED + 300);
        ClientInfo responder = new ClientInfo(Instant.EPOCH, "h", 9, "B", "", "", "", "", 500, "S", "Client", "nats");

        ServiceLatencyReport report = tracking.report(responder, ARRIVED + 10_000);

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.description()).isNull();
        assertThat(report.requestor()).isSameAs(REQUESTER);
        assertThat(report.responder()).isSameAs(responder);
        assertThat(report.header()).isEqualTo(HEADER);
        assertThat(report.serviceNanos()).as("to the response, less the responder's round trip").isEqualTo(9_500);
        assertThat(report.systemNanos()).as("arrival to forwarding").isEqualTo(300);
        assertThat(report.totalNanos()).as("requester's round trip, to the response, system").isEqualTo(12_300);
        assertThat(report.start()).as("one requester round trip before the arrival")
                .isBetween(before.minusNanos(2_000), after.minusNanos(2_000));
        assertThat(report.id()).matches("[0-9A-Za-z]{22}");
        assertThat(report.timestamp()).isAfterOrEqualTo(before);
    }

    @Test
    void aResponderWithoutRoundTripCountsNoSystemTime() {
        LatencyTracking tracking = new LatencyTracking("lat", REQUESTER, 2_000, null, ARRIVED);
        tracking.forwarded(ARRIVED + 300);
        ClientInfo responder = ClientInfo.brief("B", 0);

        ServiceLatencyReport report = tracking.report(responder, ARRIVED + 10_000);

        assertThat(report.systemNanos()).isZero();
        assertThat(report.serviceNanos()).isEqualTo(10_000);
        assertThat(report.totalNanos()).isEqualTo(12_000);
        assertThat(report.header()).isNull();
    }

    @Test
    void aFailureHasItsStatusAndNoTimesOrResponder() {
        LatencyTracking tracking = new LatencyTracking("lat", REQUESTER, 2_000, HEADER, ARRIVED);

        ServiceLatencyReport report = tracking.failure(504, "Service Timeout");

        assertThat(report.status()).isEqualTo(504);
        assertThat(report.description()).isEqualTo("Service Timeout");
        assertThat(report.responder()).isNull();
        assertThat(report.requestor()).isSameAs(REQUESTER);
        assertThat(report.header()).isEqualTo(HEADER);
        assertThat(new long[] {report.serviceNanos(), report.systemNanos(), report.totalNanos()})
                .containsOnly(0);
    }

    @Test
    void aRequestIsReportedOnce() {
        LatencyTracking tracking = new LatencyTracking("lat", REQUESTER, 2_000, null, ARRIVED);

        assertThat(tracking.claimReport()).isTrue();
        assertThat(tracking.claimReport()).isFalse();
        assertThat(tracking.subject()).isEqualTo("lat");
    }
}
