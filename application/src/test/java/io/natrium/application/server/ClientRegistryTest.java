package io.natrium.application.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.settings.ServerSettings;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ClientRegistryTest {

    @Test
    void aServerWithTheDefaultSettingsNumbersItsInternalClientsBeforeItsFirstClientAsTheGreetingCountsOnThem() {
        ServerContext server = new ServerContext(ServerSettings.defaults(),
                new ServerIdentity("NTESTSERVER", "test-server", "2.11.0", "java-test"), Runnable::run);

        assertThat(server.clients().nextId()).isEqualTo(ClientRegistry.INTERNAL_CLIENTS_OF_DEFAULTS + 1);
    }

    @Test
    void aGreetedIdIsKeptUnlessTheServerHandedItOutAlreadyAndLaterIdsComeAfterIt() {
        ClientRegistry registry = new ClientRegistry();
        registry.nextId();
        registry.nextId();

        assertThat(registry.claim(4)).isEqualTo(4);
        assertThat(registry.claim(6)).isEqualTo(6);
        assertThat(registry.nextId()).isEqualTo(7);
        assertThat(registry.claim(5)).as("handed out before: the next id instead").isEqualTo(8);
        assertThat(registry.claim(2)).isEqualTo(9);
    }

    private final ClientRegistry registry = new ClientRegistry();

    @Test
    void addsUpToTheLimitAndNoMore() {
        assertThat(registry.addWithin(client(1), 2)).isTrue();
        assertThat(registry.full(2)).isFalse();
        assertThat(registry.addWithin(client(2), 2)).isTrue();

        assertThat(registry.full(2)).isTrue();
        assertThat(registry.addWithin(client(3), 2)).isFalse();
        assertThat(registry.get(3)).isNull();
        assertThat(registry.size()).isEqualTo(2);
    }

    @Test
    void aRemovedClientFreesItsPlaceButOneNeverAddedFreesNone() {
        RegisteredClient first = client(1);
        registry.addWithin(first, 1);

        registry.remove(client(7));
        assertThat(registry.full(1)).isTrue();

        registry.remove(first);
        registry.remove(first);
        assertThat(registry.full(1)).isFalse();
        assertThat(registry.addWithin(client(2), 1)).isTrue();
        assertThat(registry.addWithin(client(3), 1)).isFalse();
    }

    @Test
    void zeroIsNoLimit() {
        for (long id = 1; id <= 100; id++) {
            assertThat(registry.addWithin(client(id), 0)).isTrue();
        }
        assertThat(registry.full(0)).isFalse();
        assertThat(registry.size()).isEqualTo(100);
    }

    @Test
    void clientsJudgedAtTheSameMomentNeverBothTakeTheLastPlace() throws InterruptedException {
        for (int round = 0; round < 200; round++) {
            ClientRegistry shared = new ClientRegistry();
            AtomicInteger admitted = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (long id = 1; id <= 4; id++) {
                RegisteredClient candidate = client(id);
                Thread thread = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (shared.addWithin(candidate, 1)) {
                        admitted.incrementAndGet();
                    }
                });
                thread.start();
                threads.add(thread);
            }
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }

            assertThat(admitted.get()).as("round %d", round).isEqualTo(1);
            assertThat(shared.size()).isEqualTo(1);
        }
    }

    /** A client that answers only its id. */
    private static RegisteredClient client(long id) {
        return (RegisteredClient) Proxy.newProxyInstance(RegisteredClient.class.getClassLoader(),
                new Class<?>[] {RegisteredClient.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "id" -> id;
                    case "hashCode" -> Long.hashCode(id);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "client " + id;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
