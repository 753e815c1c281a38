package io.natrium.testkit.leak;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;

/** Makes Netty's leak detectors record what they report, besides logging it. */
final class RecordingLeakDetectorFactory extends ResourceLeakDetectorFactory {

    @Override
    @SuppressWarnings("deprecation")
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
            long maxActive) {
        return new RecordingLeakDetector<>(resource, samplingInterval);
    }

    private static final class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {

        RecordingLeakDetector(Class<?> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            LeakReports.add("LEAK: " + resourceType + " was not released" + records);
            super.reportTracedLeak(resourceType, records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            LeakReports.add("LEAK: " + resourceType + " was not released");
            super.reportUntracedLeak(resourceType);
        }
    }
}
