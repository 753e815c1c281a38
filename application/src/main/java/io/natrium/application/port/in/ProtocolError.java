package io.natrium.application.port.in;

/** Ways the transport's parser can fail; each ends the connection. */
public enum ProtocolError {
    /** An unknown operation, a byte that cannot start or continue one, or a payload not followed by CRLF. */
    UNKNOWN_OPERATION,
    /** The arguments of an operation are longer than {@code max_control_line}. */
    MAX_CONTROL_LINE_EXCEEDED,
    /** The size argument of PUB or HPUB is larger than the allowed payload. */
    MAX_PAYLOAD_EXCEEDED,
    /** Wrong argument count or a size that is not a number. */
    MALFORMED_ARGUMENTS,
    /** CONNECT or INFO whose JSON cannot be read. */
    MALFORMED_JSON,
    /** HPUB from a client that did not ask for headers. */
    HEADERS_NOT_SUPPORTED,
    /** An operation other than CONNECT while the session still waits for credentials. */
    OPERATION_BEFORE_CONNECT
}
