package io.natrium.adapter.config;

/** The usage text printed for -h, grouped as nats-server groups it. */
final class Usage {

    static final String TEXT = """

            Usage: nats-server [options]

            Server Options:
                -a, --addr, --net <host>         Bind to host address (default: 0.0.0.0)
                -p, --port <port>                Use port for clients (default: 4222)
                -n, --name
                    --server_name <server_name>  Server name (default: auto)

            Logging Options:
                -T, --logtime                    Timestamp log entries (default: true)
                -D, --debug                      Enable debugging output
                -V, --trace                      Trace the raw protocol
                -VV                              Verbose trace (traces system account as well)
                -DV                              Debug and trace
                -DVV                             Debug and verbose trace (traces system account as well)

            JetStream Options (accepted, not supported by Natrium):
                -js, --jetstream                 Enable JetStream functionality
                -sd, --store_dir <dir>           Set the storage directory

            Cluster Options (accepted, not supported by Natrium):
                    --routes <rurl-1, rurl-2>    Routes to solicit and connect
                    --cluster <cluster-url>      Cluster URL for solicited routes
                    --cluster_name <string>      Cluster Name, if not set one will be dynamically generated
                    --no_advertise <bool>        Do not advertise known cluster information to clients
                    --cluster_advertise <string> Cluster URL to advertise to other servers
                    --connect_retries <number>   For implicit routes, number of connect retries
                    --cluster_listen <url>       Cluster url from which members can solicit routes

            Common Options:
                -h, --help                       Show this message
                -v, --version                    Show version
            """;

    private Usage() {
    }
}
