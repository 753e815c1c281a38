package io.natrium.adapter.monitor;

import static io.natrium.adapter.monitor.PrometheusText.Type.COUNTER;
import static io.natrium.adapter.monitor.PrometheusText.Type.GAUGE;

import io.natrium.application.port.in.monitoring.AccountStatistic;
import io.natrium.application.port.in.monitoring.AccountStatistics;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Every account's connections and traffic (/accstatz with {@code unused}) as prometheus-nats-exporter's
 * {@code gnatsd_accstatz_*} metrics, with its labels: the account is both {@code account} and {@code account_id},
 * its name tag {@code account_name}. Traffic is counted from the account's side: {@code sent} went to its clients.
 */
final class AccstatzMetrics {

    private static final String PREFIX = "gnatsd_accstatz_";

    private AccstatzMetrics() {
    }

    static void write(PrometheusText out, AccountStatistics statistics) {
        List<AccountStatistic> accounts = statistics.accounts();
        String id = statistics.serverId();
        perAccount(out, "current_connections", GAUGE, "Open client connections of the account", id, accounts,
                AccountStatistic::connections);
        perAccount(out, "total_connections", GAUGE, "Open client and leaf node connections of the account", id,
                accounts, account -> account.connections() + account.leafConnections());
        perAccount(out, "leaf_nodes", GAUGE, "Open leaf node connections of the account", id, accounts,
                AccountStatistic::leafConnections);
        perAccount(out, "subscriptions", GAUGE, "Subscriptions of the account", id, accounts,
                AccountStatistic::subscriptions);
        perAccount(out, "sent_messages", COUNTER, "Messages sent to the account's connections", id, accounts,
                AccountStatistic::sentMessages);
        perAccount(out, "sent_bytes", COUNTER, "Payload bytes sent to the account's connections", id, accounts,
                AccountStatistic::sentBytes);
        perAccount(out, "received_messages", COUNTER, "Messages received from the account's connections", id,
                accounts, AccountStatistic::receivedMessages);
        perAccount(out, "received_bytes", COUNTER, "Payload bytes received from the account's connections", id,
                accounts, AccountStatistic::receivedBytes);
        perAccount(out, "slow_consumers", COUNTER, "The account's connections closed as slow consumers", id,
                accounts, AccountStatistic::slowConsumers);
    }

    private static void perAccount(PrometheusText out, String field, PrometheusText.Type type, String help,
            String serverId, List<AccountStatistic> accounts, ToDoubleFunction<AccountStatistic> value) {
        out.family(PREFIX + field, type, help);
        for (AccountStatistic account : accounts) {
            out.sample(value.applyAsDouble(account), "server_id", serverId, "account", account.account(),
                    "account_id", account.account(), "account_name", account.nameTag());
        }
    }
}
