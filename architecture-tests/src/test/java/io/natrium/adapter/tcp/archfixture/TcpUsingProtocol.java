package io.natrium.adapter.tcp.archfixture;

import io.natrium.adapter.protocol.archfixture.SlowHotPath;

/** Allowed: a client transport building on the shared wire codec. */
public class TcpUsingProtocol {
    SlowHotPath codec;
}
