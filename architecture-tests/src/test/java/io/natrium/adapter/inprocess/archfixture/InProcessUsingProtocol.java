package io.natrium.adapter.inprocess.archfixture;

import io.natrium.adapter.protocol.archfixture.SlowHotPath;

/** Allowed: the in-process transport building on the shared wire codec, as TCP does. */
public class InProcessUsingProtocol {
    SlowHotPath codec;
}
