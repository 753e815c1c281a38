package io.natrium.benchmarks.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison as a Markdown table, one row per figure: scenario | one column per server | ratio. The ratio is
 * Natrium's median over nats-server's, when both were measured. One table holds either the main figures or the CPU
 * figures ({@link Metric#cpu()}).
 */
final class MarkdownTable {

    static final String NATRIUM = "Natrium";
    static final String NATS_SERVER = "nats-server";

    private final StringBuilder text = new StringBuilder();
    private final List<String> servers;
    private final boolean cpu;
    private final boolean ratio;

    MarkdownTable(List<String> servers, boolean cpu) {
        this.servers = servers;
        this.cpu = cpu;
        this.ratio = servers.contains(NATRIUM) && servers.contains(NATS_SERVER);
        text.append("| Scenario |");
        servers.forEach(server -> text.append(' ').append(server).append(" |"));
        text.append(ratio ? " ratio |\n" : "\n");
        text.append("|---|");
        servers.forEach(server -> text.append("---:|"));
        text.append(ratio ? "---:|\n" : "\n");
    }

    /** Adds the rows of one scenario. */
    void add(Scenario scenario, Map<String, ServerResult> results) {
        List<String> units = results.values().stream().map(ServerResult::units).filter(u -> !u.isEmpty())
                .findFirst().orElse(List.of());
        List<Boolean> kinds = results.values().stream().map(ServerResult::cpuFlags).filter(u -> !u.isEmpty())
                .findFirst().orElse(List.of());
        if (units.isEmpty()) {
            text.append("| ").append(scenario.title()).append(" |");
            servers.forEach(server -> text.append(" FAILED |"));
            text.append(ratio ? " — |\n" : "\n");
            return;
        }
        for (int i = 0; i < units.size(); i++) {
            if (kinds.get(i) != cpu) {
                continue;
            }
            text.append("| ").append(scenario.title()).append(" (").append(units.get(i)).append(") |");
            for (String server : servers) {
                text.append(' ').append(cell(results.get(server), i)).append(" |");
            }
            if (ratio) {
                text.append(' ').append(ratio(results.get(NATRIUM), results.get(NATS_SERVER), i)).append(" |");
            }
            text.append('\n');
        }
    }

    private static String cell(ServerResult result, int index) {
        return result.failed() ? "FAILED" : format(result.median(index)) + spread(result, index);
    }

    /** The per-round range, when there was more than one round: {@code [min–max]}. */
    private static String spread(ServerResult result, int index) {
        if (result.rounds() < 2) {
            return "";
        }
        return " [" + format(result.min(index)) + "–" + format(result.max(index)) + "]";
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
