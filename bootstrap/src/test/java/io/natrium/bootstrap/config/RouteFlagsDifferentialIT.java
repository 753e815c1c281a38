package io.natrium.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Clustering is out of Natrium's scope, but a command line nats-server refuses is refused alike: routes to solicit
 * without a cluster listener stop the start with nats-server's words and exit status.
 */
class RouteFlagsDifferentialIT {

    private static final String[] ROUTES_ALONE = {"-a", "127.0.0.1", "-p", "-1", "--routes", "nats://127.0.0.1:1"};

    @Test
    void routesWithoutAClusterListenerAreRefusedAsNatsServerRefusesThem() throws Exception {
        LaunchedServer.Run natrium = LaunchedServer.run(ROUTES_ALONE);

        assertThat(natrium.exitCode()).isEqualTo(1);
        assertThat(natrium.output()).endsWith(
                "nats-server: solicited routes require cluster capabilities, e.g. --cluster\n");
        // After Natrium's half: skipped without the reference, failed when it is required.
        String[] command = new String[ROUTES_ALONE.length + 1];
        command[0] = ExternalTools.natsServer().toString();
        System.arraycopy(ROUTES_ALONE, 0, command, 1, ROUTES_ALONE.length);
        Process reference = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(reference.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(reference.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(reference.exitValue()).isEqualTo(1);
        assertThat(natrium.output()).isEqualTo(output);
    }
}
