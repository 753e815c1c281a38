package io.natrium.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.natrium.domain.permission.ClientPermissions;
import io.natrium.domain.permission.Permissions;
import io.natrium.domain.permission.ResponsePermission;
import io.natrium.domain.permission.SubjectPermission;
import io.natrium.domain.subject.SubjectView;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The permission checks a restricted client pays on the publish path: the publish decision over wire bytes (served by
 * the 128-entry decision cache, or computed when more distinct subjects than that rotate through it), the
 * delivery-time deny check of a wildcard subscriber, and the reply tracking of {@code allow_responses}. Run with
 * {@code -prof gc} for B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PermissionsBenchmark {

    /** Twice the decision cache: every look-up misses. */
    private static final int ROTATING_SUBJECTS = 256;

    private ClientPermissions publisher;
    private ClientPermissions subscriber;
    private ClientPermissions responder;
    private final SubjectView view = new SubjectView();
    private final byte[] allowed = "orders.eu.created".getBytes(UTF_8);
    private final byte[] denied = "orders.secret.created".getBytes(UTF_8);
    private final byte[][] rotating = new byte[ROTATING_SUBJECTS][];
    private final byte[] reply = "_INBOX.abcdef.1".getBytes(UTF_8);
    private int next;

    @Setup
    public void setUp() {
        Permissions permissions = Permissions.of(
                SubjectPermission.allowing("orders.>", "inventory.*", "_INBOX.>").andDenying("orders.secret.>"),
                SubjectPermission.allowing("orders.>").andDenying("orders.secret.>"), null);
        publisher = ClientPermissions.of(permissions);
        subscriber = ClientPermissions.of(permissions);
        subscriber.canSubscribe("orders.>", null);
        responder = ClientPermissions.of(Permissions.of(null, SubjectPermission.allowing("svc.>"),
                ResponsePermission.defaults()));
        for (int i = 0; i < rotating.length; i++) {
            rotating[i] = ("orders.eu." + i).getBytes(UTF_8);
        }
    }

    @Benchmark
    public boolean publishAllowedCached() {
        return publisher.canPublish(view.wrap(allowed), 0);
    }

    @Benchmark
    public boolean publishDeniedCached() {
        return publisher.canPublish(view.wrap(denied), 0);
    }

    @Benchmark
    public boolean publishRotatingPastTheCache() {
        next = (next + 1) % ROTATING_SUBJECTS;
        return publisher.canPublish(view.wrap(rotating[next]), 0);
    }

    @Benchmark
    public boolean deliveryDeniedForAWildcardSubscriber() {
        return subscriber.deliveryDenied(view.wrap(allowed), null);
    }

    @Benchmark
    public boolean trackAndAnswerAReply() {
        responder.trackReply(view.wrap(reply), 0);
        return responder.canPublish(view.wrap(reply), 1);
    }
}
