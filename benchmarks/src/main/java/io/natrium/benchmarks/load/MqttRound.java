package io.natrium.benchmarks.load;

/**
 * What one run of an {@link MqttScenario} measured: messages published per second (elapsed time, which a busy machine
 * inflates) and the broker's CPU time per message published, in microseconds (which it does not).
 */
record MqttRound(double messagesPerSecond, double cpuMicrosPerMessage) {
}
