package io.natrium.testkit.leak;

import io.netty.util.ResourceLeakDetectorFactory;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs the recording leak detector when the test launcher starts, before any test loads a buffer class (the
 * buffer classes create their detectors once, when they are initialised).
 */
public final class LeakRecordingInstaller implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingLeakDetectorFactory());
    }
}
