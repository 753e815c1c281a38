package io.natrium.adapter.monitor;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /}: the live dashboard, which also keeps nats-server's index role: the page links every monitoring
 * endpoint in plain HTML, so it is useful without JavaScript too. Its script reads the JSON endpoints relative to
 * {@code http_base_path}, which the page carries in {@code data-base}. Other paths below {@code /} are not found.
 */
final class DashboardEndpoint implements Endpoint {

    private record Link(String title, String path) {
    }

    private static final List<Link> LINKS = List.of(
            new Link("General", MonitorPaths.VARZ),
            new Link("JetStream", MonitorPaths.JSZ),
            new Link("Connections", MonitorPaths.CONNZ),
            new Link("Accounts", MonitorPaths.ACCOUNTZ),
            new Link("Account Stats", MonitorPaths.ACCSTATZ),
            new Link("Subscriptions", MonitorPaths.SUBSZ),
            new Link("Routes", MonitorPaths.ROUTEZ),
            new Link("LeafNodes", MonitorPaths.LEAFZ),
            new Link("Gateways", MonitorPaths.GATEWAYZ),
            new Link("Health Probe", MonitorPaths.HEALTHZ),
            new Link("Stacks", MonitorPaths.STACKSZ),
            new Link("Prometheus metrics", MonitorPaths.METRICS));

    private final String page;
    private final HttpRequestStats requests;

    /**
     * @param basePath the normalized base path ({@code /} for none)
     */
    DashboardEndpoint(String basePath, String version, HttpRequestStats requests) {
        this.page = page(new String(DashboardAsset.read("index.html"), StandardCharsets.UTF_8), basePath, version);
        this.requests = requests;
    }

    @Override
    public MonitorResponse respond(MonitorRequest request) {
        requests.count(MonitorPaths.ROOT);
        return MonitorResponse.html(page);
    }

    static String page(String template, String basePath, String version) {
        // The script prefixes "/varz" and the like with this, so the root is the empty prefix.
        String prefix = basePath.equals(MonitorPaths.ROOT) ? "" : basePath;
        StringBuilder links = new StringBuilder();
        for (Link link : LINKS) {
            links.append("    <a href=\"").append(html(MonitorPaths.join(basePath, link.path()))).append("\">")
                    .append(link.title()).append(" <span class=\"endpoint\">").append(link.path())
                    .append("</span></a>\n");
        }
        links.append("    <a href=\"https://docs.nats.io/running-a-nats-service/nats_admin/monitoring\">Help</a>");
        return template.replace("{{base}}", html(prefix))
                .replace("{{assets}}", html(MonitorPaths.join(basePath, MonitorPaths.DASHBOARD)))
                .replace("{{version}}", html(version))
                .replace("{{links}}", links);
    }

    /** Escapes text for HTML content and double-quoted attributes (a base path may hold any character). */
    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
