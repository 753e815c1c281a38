package io.natrium.application.session;

import io.natrium.application.account.Account;
import io.natrium.application.account.ClientSubscription;
import io.natrium.application.account.CrossAccountDelivery;
import io.natrium.application.account.StreamImportSource;
import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.out.ClientInfo;
import io.natrium.application.port.out.ServerMessageEncoder;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.domain.HotPath;
import io.natrium.domain.subject.SubjectView;
import io.natrium.domain.sublist.SublistResult;
import io.natrium.domain.transform.TransformBuffer;

import java.util.concurrent.TimeUnit;

/** Delivery into another account's subject space for a connection's messages that cross through imports. */
@HotPath
final class Crossing implements CrossAccountDelivery.LocalDelivery {

    private final ClientConnection connection;
    private final PublishPath publishPath;
    private final SessionExecutor executor;
    private final TransformBuffer[] buffers = new TransformBuffer[CrossAccountDelivery.MAX_HOPS];

    Crossing(ClientConnection connection, PublishPath publishPath, SessionExecutor executor) {
        this.connection = connection;
        this.publishPath = publishPath;
        this.executor = executor;
    }

    @Override
    public boolean deliver(Account target, SubjectView subject, InboundMessage message) {
        SublistResult<ClientSubscription> result = target.sublist().match(subject);
        return !result.isEmpty() && publishPath.deliverToAll(result, subject, message, connection.deliveryTarget());
    }

    @Override
    public boolean deliverImported(Account importer, SubjectView subject, InboundMessage message,
            StreamImportSource via) {
        SublistResult<ClientSubscription> result = importer.sublist().match(subject);
        return !result.isEmpty()
                && publishPath.deliverToAll(result, subject, message, connection.deliveryTarget(), via);
    }

    @Override
    public long rttNanos() {
        return connection.registered().rttNanos();
    }

    @Override
    public ClientInfo clientInfo() {
        return ClientInfoOf.connection(connection.registered(), connection.server().identity().id());
    }

    @Override
    public ServerMessageEncoder messages() {
        return connection.server().messages();
    }

    @Override
    public void later(long delayNanos, Runnable deliveries) {
        executor.schedule(() -> {
            connection.counters().startBatchAt(executor.nanoTime());
            deliveries.run();
            connection.readBatchComplete();
        }, delayNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public TransformBuffer buffer(int hop) {
        TransformBuffer buffer = buffers[hop];
        if (buffer == null) {
            buffer = new TransformBuffer();
            buffers[hop] = buffer;
        }
        return buffer;
    }

    @Override
    public String trackingSuffix() {
        return "." + connection.server().identity().nameHash() + ".T";
    }

    @Override
    public long nanoTime() {
        return executor.nanoTime();
    }
}
