package io.natrium.application.port.in.monitoring;

import java.time.Instant;
import java.util.List;

/** /accstatz: the accounts with connections (or all, when unused ones were asked for). */
public record AccountStatistics(String serverId, Instant now, List<AccountStatistic> accounts) {
}
