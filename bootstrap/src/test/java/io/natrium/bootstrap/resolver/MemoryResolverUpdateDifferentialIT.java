package io.natrium.bootstrap.resolver;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.jwt.TestNKey;
import io.nats.client.Connection;
import io.nats.client.Nats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The memory resolver's claim updates for preloaded accounts, nats-server 2.9.10 beside Natrium: nats-server loads a
 * preloaded account when it is first used (a client of it connects, or an account it loads imports from it), and
 * answers {@code jwt update skipped} for one nobody has used yet, {@code jwt updated} once it has.
 */
class MemoryResolverUpdateDifferentialIT {

    private static final TestNKey UNUSED = TestNKey.account();
    private static final TestNKey IMPORTER = TestNKey.account();
    private static final TestNKey EXPORTER = TestNKey.account();

    private static OperatorFixture fixture;
    private static ServerProcess reference;
    private static ServerProcess natrium;

    @BeforeAll
    static void startBoth() throws Exception {
        Path dir = Files.createTempDirectory("natrium-memory-updates-");
        fixture = new OperatorFixture(dir);
        Map<String, String> preload = new LinkedHashMap<>();
        preload.put(UNUSED.publicKey(), fixture.account(UNUSED, "UNUSED", Map.of()));
        preload.put(IMPORTER.publicKey(), importer("IMPORTER"));
        preload.put(EXPORTER.publicKey(), exporter("EXPORTER"));
        reference = ServerProcess.start(ExternalTools.natsServer(), List.of("-c", fixture
                .writeMemoryResolverConfig(dir.resolve("reference.conf"), preload, "").toString()),
                Duration.ofSeconds(10));
        natrium = ServerProcess.start(ServerProcess.natriumLauncher(), List.of("-c", fixture
                .writeMemoryResolverConfig(dir.resolve("natrium.conf"), preload, "").toString()),
                Duration.ofSeconds(180));
    }

    @AfterAll
    static void stopBoth() throws Exception {
        if (reference != null) {
            reference.close();
        }
        if (natrium != null) {
            natrium.close();
        }
    }

    @Test
    void anAccountIsUpdatedOnlyOnceItIsUsed() {
        OperatorFixture.assertAlike(reference, natrium, server -> {
            String unused = update(server, UNUSED, fixture.account(UNUSED, "UNUSED", Map.of("tags", List.of("a"))));
            String exporterBefore = update(server, EXPORTER, exporter("EXPORTER-1"));
            String importerBefore = update(server, IMPORTER, importer("IMPORTER-1"));
            try (Connection client = Nats.connect(OperatorFixture.options(server)
                    .authHandler(fixture.newUser(IMPORTER)).build())) {
                return "unused " + unused + ", exporter " + exporterBefore + ", importer " + importerBefore
                        + "; with a client of the importer (" + client.getStatus() + "): importer "
                        + update(server, IMPORTER, importer("IMPORTER-2")) + ", exporter "
                        + update(server, EXPORTER, exporter("EXPORTER-2")) + ", unused still "
                        + update(server, UNUSED, fixture.account(UNUSED, "UNUSED", Map.of("tags", List.of("b"))));
            } catch (Exception e) {
                return "failed: " + e;
            }
        }, "unused jwt update skipped, exporter jwt update skipped, importer jwt update skipped; with a client of "
                + "the importer (CONNECTED): importer jwt updated, exporter jwt updated, unused still jwt update "
                + "skipped");
    }

    private static String update(ServerProcess server, TestNKey account, String jwt) {
        String reply = fixture.request(server, "$SYS.REQ.ACCOUNT." + account.publicKey() + ".CLAIMS.UPDATE", jwt);
        String message = reply.replaceAll("^.*\"message\":\"([^\"]*)\".*$", "$1");
        return message.equals(reply) ? reply : message;
    }

    private static String importer(String name) {
        return fixture.account(IMPORTER, name, Map.of("imports", List.of(Map.of("name", "shared",
                "subject", "shared.>", "account", EXPORTER.publicKey(), "type", "stream"))));
    }

    private static String exporter(String name) {
        return fixture.account(EXPORTER, name, Map.of("exports", List.of(Map.of("name", "shared",
                "subject", "shared.>", "type", "stream"))));
    }
}
