package io.natrium.application.settings;

/**
 * Go's profiling endpoint, accepted for compatibility.
 *
 * @param port      the profiling port ({@code prof_port}, {@code --profile}); 0 for none
 * @param blockRate the block profile rate ({@code prof_block_rate})
 */
public record ProfilingSettings(int port, int blockRate) {

    public static ProfilingSettings disabled() {
        return new ProfilingSettings(0, 0);
    }

    public ProfilingSettings withPort(int value) {
        return new ProfilingSettings(value, blockRate);
    }

    public ProfilingSettings withBlockRate(int value) {
        return new ProfilingSettings(port, value);
    }
}
