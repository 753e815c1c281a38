package io.natrium.testkit.leak;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The guard fails a class that leaked a buffer and passes one that did not. */
class NettyLeakGuardTest {

    @Test
    void failsTheClassThatLeaked() {
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .selectors(selectClass(Leaking.class))
                .execute()
                .containerEvents()
                .assertThatEvents()
                .haveExactly(1, event(container(Leaking.class),
                        finishedWithFailure(message(text -> text.contains("Netty buffer leak")))));
    }

    @Test
    void passesAClassThatReleasedEverything() {
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .selectors(selectClass(Tidy.class))
                .execute()
                .containerEvents()
                .assertThatEvents()
                .haveExactly(1, event(container(Tidy.class), finishedSuccessfully()));
    }

    /** Run only through the engine above (nested classes are not picked up by surefire on their own). */
    static class Leaking {
        @Test
        void leaksABuffer() {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
            ByteBuf leaked = PooledByteBufAllocator.DEFAULT.directBuffer(64);
            leaked.writeByte(1);
        }
    }

    static class Tidy {
        @Test
        void releasesItsBuffer() {
            PooledByteBufAllocator.DEFAULT.directBuffer(64).release();
        }
    }
}
