package io.natrium.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.in.ReloadResult;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ServerRunTest {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final ServerRun run = new ServerRun(status -> events.add("exit " + status));
    private final FakeServer server = new FakeServer();

    @Test
    void aStopBeforeTheServerIsWiredExitsAtOnceAndKeepsTheServerFromStarting() {
        run.terminate();

        assertThat(events).containsExactly("exit 1");
        assertThat(run.attach(server)).isFalse();
        assertThat(run.exitStatus()).isEqualTo(1);
    }

    @Test
    void sigintShutsARunningServerDownAndExitsZero() {
        run.attach(server);
        run.started();

        run.interrupt();

        assertThat(events).containsExactly("shutdown", "exit 0");
        assertThat(run.exitStatus()).isZero();
    }

    @Test
    void sigtermShutsARunningServerDownAndExitsOneAsNatsServerDoes() {
        run.attach(server);
        run.started();

        run.terminate();

        assertThat(events).containsExactly("shutdown", "exit 1");
        assertThat(run.exitStatus()).isEqualTo(1);
    }

    @Test
    void aStopDuringTheStartWaitsForTheStartToEnd() throws Exception {
        run.attach(server);
        Thread stop = new Thread(run::interrupt);
        stop.start();
        awaitWaiting(stop);

        assertThat(events).isEmpty();
        events.add("started");
        run.started();
        stop.join();

        assertThat(events).containsExactly("started", "shutdown", "exit 0");
    }

    @Test
    void sigtermIsIgnoredInLameDuckModeButSigintIsNot() {
        run.attach(server);
        run.started();
        server.lameDuck = true;

        run.terminate();
        assertThat(events).isEmpty();

        run.interrupt();
        assertThat(events).containsExactly("shutdown", "exit 0");
    }

    @Test
    void onlyTheFirstStopCounts() {
        run.attach(server);
        run.started();

        run.interrupt();
        run.terminate();

        assertThat(events).containsExactly("shutdown", "exit 0");
        assertThat(run.exitStatus()).isZero();
    }

    @Test
    void theEndOfLameDuckModeExitsZero() {
        run.attach(server);
        run.started();

        assertThat(run.exitStatus()).isZero();
    }

    @Test
    void otherSignalsActOnceTheServerHasStarted() throws Exception {
        assertThat(run.attached()).isFalse();
        Thread reload = new Thread(() -> {
            try {
                run.whenStarted(ServerRun.Target::reload);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        reload.start();
        awaitWaiting(reload);
        run.attach(server);
        assertThat(run.attached()).isTrue();
        assertThat(events).isEmpty();

        run.started();
        reload.join();

        assertThat(events).containsExactly("reload");
    }

    private static void awaitWaiting(Thread thread) throws InterruptedException {
        while (thread.getState() != Thread.State.WAITING) {
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }

    private final class FakeServer implements ServerRun.Target {

        volatile boolean lameDuck;

        @Override
        public void shutdown() {
            events.add("shutdown");
        }

        @Override
        public boolean isLameDuckMode() {
            return lameDuck;
        }

        @Override
        public void enterLameDuckMode() {
            events.add("lame duck");
        }

        @Override
        public ReloadResult reload() {
            events.add("reload");
            return null;
        }
    }
}
