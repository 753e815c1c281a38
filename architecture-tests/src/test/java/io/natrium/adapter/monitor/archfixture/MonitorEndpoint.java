package io.natrium.adapter.monitor.archfixture;

/** The target of {@code TcpReachingMonitor}. */
public class MonitorEndpoint {
}
