package io.natrium.application.port.out;

/**
 * The server process's use of the machine, as nats-server's STATSZ and /varz report it ({@code pse.ProcUsage}):
 * reading it is the operating system's business, so it comes from an adapter.
 */
public interface ProcessUsage {

    /** For servers built without an adapter that can tell: nothing measured, as 0. */
    ProcessUsage NONE = new Unmeasured();

    /** Resident memory, in bytes. */
    long residentBytes();

    /** CPU use over the last second or more, in percent of one core, with one decimal. */
    double cpuPercent();

    /** The usage of a server that cannot measure it. */
    record Unmeasured() implements ProcessUsage {

        @Override
        public long residentBytes() {
            return 0;
        }

        @Override
        public double cpuPercent() {
            return 0;
        }
    }
}
