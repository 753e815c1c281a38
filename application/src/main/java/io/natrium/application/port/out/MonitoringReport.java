package io.natrium.application.port.out;

/**
 * The monitoring report a system account request service answers with, each the JSON of one HTTP endpoint
 * (nats-server's {@code monSrvc} and {@code monAccSrvc} in {@code server/events.go}). The account services read one
 * account, the one named in the subject.
 */
public enum MonitoringReport {
    /** {@code $SYS.REQ.SERVER.<id|PING>.VARZ}: /varz. */
    VARZ,
    /** {@code .SUBSZ}: /subsz with its options. */
    SUBSZ,
    /** {@code .CONNZ}: /connz with its options. */
    CONNZ,
    ROUTEZ,
    GATEWAYZ,
    LEAFZ,
    ACCOUNTZ,
    JSZ,
    HEALTHZ,
    /** {@code $SYS.REQ.ACCOUNT.<acc>.SUBSZ}: /subsz of the account, its subscriptions listed. */
    ACCOUNT_SUBSZ,
    /** {@code $SYS.REQ.ACCOUNT.<acc>.CONNZ}: /connz of the account's connections. */
    ACCOUNT_CONNZ,
    /** {@code $SYS.REQ.ACCOUNT.<acc>.LEAFZ}: /leafz of the account. */
    ACCOUNT_LEAFZ,
    /** {@code $SYS.REQ.ACCOUNT.<acc>.JSZ}: the account's JetStream, an error without JetStream. */
    ACCOUNT_JSZ,
    /** {@code $SYS.REQ.ACCOUNT.<acc>.INFO}: the account as /accountz details it. */
    ACCOUNT_INFO,
    /** {@code $SYS.REQ.ACCOUNT.<acc>.STATZ}: /accstatz of the account; nothing when it is unused. */
    ACCOUNT_STATZ,
    /** {@code $SYS.REQ.ACCOUNT.PING.STATZ}: /accstatz of the accounts the options name (all by default). */
    ACCOUNTS_STATZ
}
