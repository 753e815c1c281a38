package io.natrium.adapter.inprocess;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class InProcessConnectionTest {

    @Test
    void aNameNoListenerHasIsRefusedAsAClosedPortWouldBe() {
        String nobody = "natrium-nobody-" + System.nanoTime();

        assertThatThrownBy(() -> InProcessConnection.open(nobody, Duration.ofSeconds(1)))
                .isInstanceOf(ConnectException.class).hasMessage("no in-process server named " + nobody);
    }
}
