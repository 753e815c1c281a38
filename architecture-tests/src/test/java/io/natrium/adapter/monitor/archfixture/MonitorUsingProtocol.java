package io.natrium.adapter.monitor.archfixture;

import io.natrium.adapter.protocol.archfixture.SlowHotPath;

/** Deliberately bad: the monitor reaching into the client wire codec, which only client transports share. */
public class MonitorUsingProtocol {
    SlowHotPath codec;
}
