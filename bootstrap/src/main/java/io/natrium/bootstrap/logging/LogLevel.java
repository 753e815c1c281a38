package io.natrium.bootstrap.logging;

/** nats-server's log levels: the label of each line, its colour on a terminal, and its syslog severity. */
enum LogLevel {

    TRACE("TRC", "33", Syslog.NOTICE),
    DEBUG("DBG", "36", Syslog.DEBUG),
    INFO("INF", "32", Syslog.NOTICE),
    WARN("WRN", "0;93", Syslog.WARNING),
    ERROR("ERR", "31", Syslog.ERR),
    /** nats-server's {@code Fatalf}: logged as the process gives up (a critical message in syslog). */
    FATAL("FTL", "31", Syslog.CRIT);

    private final String label;
    private final String colouredLabel;
    private final int syslogSeverity;

    LogLevel(String name, String colour, int syslogSeverity) {
        this.label = "[" + name + "] ";
        this.colouredLabel = "[\u001b[" + colour + "m" + name + "\u001b[0m] ";
        this.syslogSeverity = syslogSeverity;
    }

    /** {@code [INF] }, or with the level name coloured as nats-server colours it on a terminal. */
    String label(boolean coloured) {
        return coloured ? colouredLabel : label;
    }

    /** The syslog severity nats-server logs this level with (trace lines are notices). */
    int syslogSeverity() {
        return syslogSeverity;
    }
}
