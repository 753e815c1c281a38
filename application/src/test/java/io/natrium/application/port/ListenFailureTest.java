package io.natrium.application.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.BindException;

import org.junit.jupiter.api.Test;

class ListenFailureTest {

    @Test
    void nettysNativeBindErrorReadsAsGosListenError() {
        IOException netty = new IOException("bind(..) failed with error(-98): Address already in use");

        assertThat(ListenFailure.CLIENT_PORT.of("0.0.0.0", 4222, netty)).hasMessage(
                "Error listening on port: 0.0.0.0:4222, \"listen tcp 0.0.0.0:4222: bind: address already in use\"")
                .hasCause(netty);
    }

    @Test
    void theJdksBindErrorReadsTheSame() {
        assertThat(ListenFailure.WEBSOCKET.of("127.0.0.1", 8080, new BindException("Cannot assign requested address")))
                .hasMessage("Unable to listen for websocket connections: listen tcp 127.0.0.1:8080: bind: cannot "
                        + "assign requested address");
        assertThat(ListenFailure.MQTT.of("127.0.0.1", 1883, new BindException("Address already in use")))
                .hasMessage("Unable to listen for MQTT connections: listen tcp 127.0.0.1:1883: bind: address "
                        + "already in use");
    }

    @Test
    void ipv6HostsAreBracketedAndARandomPortIsAskedForAsZero() {
        assertThat(ListenFailure.MONITOR_PORT.of("::", -1, new BindException("Permission denied"))).hasMessage(
                "can't listen to the monitor port: listen tcp [::]:0: bind: permission denied");
    }

    @Test
    void anAcronymKeepsItsCaseAndAFailureWithoutTextIsNamedByItsType() {
        assertThat(ListenFailure.goError("h:1", new BindException("EACCES"))).isEqualTo("listen tcp h:1: bind: EACCES");
        assertThat(ListenFailure.goError("h:1", new BindException())).isEqualTo("listen tcp h:1: BindException");
    }
}
