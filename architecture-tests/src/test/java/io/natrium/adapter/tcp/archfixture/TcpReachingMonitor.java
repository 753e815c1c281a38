package io.natrium.adapter.tcp.archfixture;

import io.natrium.adapter.monitor.archfixture.MonitorEndpoint;

/** Deliberately bad: one adapter depending on another. */
public class TcpReachingMonitor {
    public Object monitor() {
        return new MonitorEndpoint();
    }
}
