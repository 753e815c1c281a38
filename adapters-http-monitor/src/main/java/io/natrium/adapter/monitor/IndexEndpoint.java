package io.natrium.adapter.monitor;

import java.util.List;

/** {@code /}: a page linking every monitoring endpoint, under the base path. Other paths below it are not found. */
final class IndexEndpoint implements Endpoint {

    private static final List<String[]> LINKS = List.of(
            new String[] {"General", MonitorPaths.VARZ},
            new String[] {"JetStream", MonitorPaths.JSZ},
            new String[] {"Connections", MonitorPaths.CONNZ},
            new String[] {"Accounts", MonitorPaths.ACCOUNTZ},
            new String[] {"Account Stats", MonitorPaths.ACCSTATZ},
            new String[] {"Subscriptions", MonitorPaths.SUBSZ},
            new String[] {"Routes", MonitorPaths.ROUTEZ},
            new String[] {"LeafNodes", MonitorPaths.LEAFZ},
            new String[] {"Gateways", MonitorPaths.GATEWAYZ},
            new String[] {"Health Probe", MonitorPaths.HEALTHZ},
            new String[] {"Stacks", MonitorPaths.STACKSZ});

    private final String page;
    private final HttpRequestStats requests;

    IndexEndpoint(String basePath, String version, HttpRequestStats requests) {
        this.page = page(basePath, version);
        this.requests = requests;
    }

    @Override
    public MonitorResponse respond(MonitorRequest request) {
        requests.count(MonitorPaths.ROOT);
        return MonitorResponse.html(page);
    }

    private static String page(String basePath, String version) {
        StringBuilder html = new StringBuilder()
                .append("<html lang=\"en\">\n<head>\n<title>Natrium monitoring</title>\n<style type=\"text/css\">\n")
                .append("  body { font-family: sans-serif; margin-left: 32px }\n")
                .append("  a { display: block; padding-bottom: 6px; color: rgb(72 72 92); text-decoration: none }\n")
                .append("  a:hover { font-weight: 600; color: rgb(59 50 202) }\n")
                .append("  .endpoint { font-size: 12px; color: #999; font-family: monospace }\n")
                .append("</style>\n</head>\n<body>\n<h1>Natrium</h1>\n<p>nats-server v").append(version)
                .append("</p>\n");
        for (String[] link : LINKS) {
            String path = MonitorPaths.join(basePath, link[1]);
            html.append("<a href=\"").append(path).append("\">").append(link[0])
                    .append(" <span class=\"endpoint\">").append(link[1]).append("</span></a>\n");
        }
        return html.append("<a href=\"https://docs.nats.io/running-a-nats-service/nats_admin/monitoring\">Help</a>\n")
                .append("</body>\n</html>\n").toString();
    }
}
