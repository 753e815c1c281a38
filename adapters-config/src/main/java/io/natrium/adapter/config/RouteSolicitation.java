package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigMap;

/**
 * nats-server's last check of its options: routes to solicit ({@code --routes}) need a cluster listener, from
 * {@code --cluster} or the file's {@code cluster} block. Clustering is out of Natrium's scope, but a command line
 * nats-server refuses is refused alike, so that a script that works with one works with the other.
 */
final class RouteSolicitation {

    static final String NO_CLUSTER = "solicited routes require cluster capabilities, e.g. --cluster";

    private RouteSolicitation() {
    }

    /** True when the file's {@code cluster} block names a listener ({@code listen}, {@code host}, {@code port}). */
    static boolean fileListens(ConfigMap root) {
        ConfigEntry cluster = root == null ? null : root.get("cluster");
        if (cluster == null || !(cluster.value() instanceof ConfigMap block)) {
            return false;
        }
        for (String key : new String[] {"listen", "host", "net", "port"}) {
            if (block.get(key) != null) {
                return true;
            }
        }
        return false;
    }
}
