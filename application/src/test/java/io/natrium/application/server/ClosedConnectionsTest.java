package io.natrium.application.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.natrium.application.account.Account;
import io.natrium.application.port.CloseReason;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClosedConnectionsTest {

    private static ClosedConnection closed(long id) {
        return new ClosedConnection(id, "127.0.0.1", 4000, 0, 0, 1, CloseReason.CLIENT_CLOSED, 0, 0, 0, 0, 0, 0, 0,
                ConnectDetails.NONE, Account.GLOBAL, List.of(), null);
    }

    @Test
    void keepsEveryConnectionUpToItsCapacityOldestFirst() {
        ClosedConnections ring = new ClosedConnections(3);
        assertThat(ring.snapshot()).isEmpty();
        ring.add(closed(1));
        ring.add(closed(2));
        assertThat(ring.snapshot()).extracting(ClosedConnection::id).containsExactly(1L, 2L);
        assertThat(ring.total()).isEqualTo(2);
    }

    @Test
    void dropsTheOldestWhenFull() {
        ClosedConnections ring = new ClosedConnections(3);
        for (long id = 1; id <= 7; id++) {
            ring.add(closed(id));
        }
        assertThat(ring.snapshot()).extracting(ClosedConnection::id).containsExactly(5L, 6L, 7L);
        assertThat(ring.total()).isEqualTo(7);
        ring.add(closed(8));
        ring.add(closed(9));
        assertThat(ring.snapshot()).extracting(ClosedConnection::id).containsExactly(7L, 8L, 9L);
    }

    @Test
    void holdsNatsServersTenThousandByDefault() {
        assertThat(ClosedConnections.DEFAULT_CAPACITY).isEqualTo(10_000);
        assertThat(new ServerContext(io.natrium.application.settings.ServerSettings.defaults(),
                new ServerIdentity("NTESTSERVER", "test-server", "2.11.0", "java-test"), Runnable::run).closedConnections().capacity()).isEqualTo(10_000);
        assertThatIllegalArgumentException().isThrownBy(() -> new ClosedConnections(0));
    }
}
