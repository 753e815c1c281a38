package io.natrium.application.port.in;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.ProxyHeader;
import io.natrium.application.port.TlsHandshake;
import io.natrium.domain.subject.SubjectView;

/**
 * One client connection as the transport drives it, operation by operation. Every method is called on the
 * connection's own thread (the one its {@code SessionExecutor} runs on), so an implementation needs no locking for
 * its own state.
 */
public interface ClientSession {

    /** The largest payload this connection may publish now; checked against the size argument before the body. */
    int maxPayload();

    /** The longest control line (arguments after the operation name) this connection may send. */
    int maxControlLine();

    /** Whether HPUB is allowed: the client asked for headers in CONNECT and the server supports them. */
    boolean acceptsHeaders();

    /**
     * An operation other than CONNECT arrived before CONNECT: admits the client without it where that is allowed
     * (no authentication, or {@code no_auth_user}, which this call authenticates) and says whether it was admitted.
     */
    boolean admitBeforeConnect();

    /**
     * Whether the CONNECT is still being decided away from the connection's thread (a bcrypt check): until
     * {@code ClientOutbound.resumeInput()}, the transport keeps what the client sent after it, unread.
     */
    default boolean awaitsAuthentication() {
        return false;
    }

    /** The name of the account the client is in (the global account until it authenticates into another). */
    default String accountName() {
        return "$G";
    }

    /** The CONNECT operation. */
    void connect(ConnectRequest request);

    /** The subject of a PUB or HPUB line, checked as soon as the line is read (pedantic clients get an error). */
    void checkPublishSubject(SubjectView subject);

    /** A complete PUB or HPUB; the message is valid only during this call. */
    void publish(InboundMessage message);

    /** SUB; {@code queue} is null for a plain subscription. */
    void subscribe(String subject, String queue, String sid);

    /** UNSUB; {@code max} is negative when not given or not a number. */
    void unsubscribe(String sid, long max);

    void ping();

    void pong();

    /** A {@code -ERR} sent by the client. */
    void clientError(String text);

    /**
     * Input the transport could not parse; the session answers as nats-server does and closes. {@code detail} is
     * what nats-server logs for the error, worded by the parser that found it (null where the session decides
     * what to log: {@link ProtocolError#OPERATION_BEFORE_CONNECT}).
     */
    void protocolError(ProtocolError error, String detail);

    /** The end of one read from the transport: deliveries made during it are flushed now. */
    void readBatchComplete();

    /**
     * A step of the connection's TLS handshake: the session logs it as nats-server does, keeps what was agreed for
     * monitoring, and closes with {@code TLS Handshake Failure} when it failed.
     */
    void tlsHandshake(TlsHandshake step);

    /**
     * What the PROXY protocol header said of the client ({@code proxy_protocol}): the session takes the client's
     * address from it, or logs a malformed header as nats-server does and closes with {@code Protocol Violation}.
     */
    void proxyHeader(ProxyHeader header);

    /** The transport is gone; {@code reason} is the first reason anyone gave for closing it. */
    void transportClosed(CloseReason reason);

    boolean isClosed();
}
