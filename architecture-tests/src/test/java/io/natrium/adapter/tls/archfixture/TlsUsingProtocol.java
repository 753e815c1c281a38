package io.natrium.adapter.tls.archfixture;

import io.natrium.adapter.protocol.archfixture.SlowHotPath;

/** Deliberately bad: the TLS library reaching into the client wire codec; it serves listeners that have none. */
public class TlsUsingProtocol {
    SlowHotPath codec;
}
