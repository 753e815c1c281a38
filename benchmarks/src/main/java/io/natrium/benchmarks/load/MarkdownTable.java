package io.natrium.benchmarks.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison as a Markdown table, one row per figure: scenario | Natrium | nats-server | ratio. The ratio is
 * the first server's median over the second's.
 */
final class MarkdownTable {

    private final StringBuilder text = new StringBuilder();
    private final List<String> servers;

    MarkdownTable(List<String> servers) {
        this.servers = servers;
        text.append("| Scenario |");
        servers.forEach(server -> text.append(' ').append(server).append(" |"));
        text.append(servers.size() == 2 ? " ratio |\n" : "\n");
        text.append("|---|");
        servers.forEach(server -> text.append("---:|"));
        text.append(servers.size() == 2 ? "---:|\n" : "\n");
    }

    /** Adds the rows of one scenario. */
    void add(Scenario scenario, Map<String, ServerResult> results) {
        List<String> units = results.values().stream().map(ServerResult::units).filter(u -> !u.isEmpty())
                .findFirst().orElse(List.of("result"));
        for (int i = 0; i < units.size(); i++) {
            text.append("| ").append(scenario.title()).append(" (").append(units.get(i)).append(") |");
            for (String server : servers) {
                text.append(' ').append(cell(results.get(server), i)).append(" |");
            }
            if (servers.size() == 2) {
                text.append(' ').append(ratio(results.get(servers.get(0)), results.get(servers.get(1)), i))
                        .append(" |");
            }
            text.append('\n');
        }
    }

    private static String cell(ServerResult result, int index) {
        return result.failed() ? "FAILED" : format(result.median(index));
    }

    private static String ratio(ServerResult first, ServerResult second, int index) {
        if (first.failed() || second.failed()) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.2f", first.median(index) / second.median(index));
    }

    /** Large figures with thousands separators, small ones with one decimal. */
    static String format(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.1f", value);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
