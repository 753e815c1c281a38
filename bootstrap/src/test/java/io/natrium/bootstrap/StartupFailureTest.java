package io.natrium.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.Stage;

import org.junit.jupiter.api.Test;

class StartupFailureTest {

    /** Two singletons that both need a provider that throws, as the server context is needed by every use case. */
    static final class FailingModule extends AbstractModule {

        @Provides
        @Singleton
        StringBuilder context() {
            throw new IllegalArgumentException("a user needs a username");
        }

        @Provides
        @Singleton
        Runnable useCase(StringBuilder context) {
            return context::toString;
        }
    }

    @Test
    void aProviderFailureInsideTheInjectorIsItsOwnMessageOnOneLine() {
        Throwable failure = catchThrowable(() -> Guice.createInjector(Stage.PRODUCTION, new FailingModule()));

        assertThat(failure.getMessage()).contains("\n");
        assertThat(StartupFailure.describe(failure)).isEqualTo("a user needs a username");
    }

    @Test
    void aWrappedFailureIsTheInnermostMessageAndOnlyItsFirstLine() {
        Exception failure = new IllegalStateException("outer", new RuntimeException("inner\nmore detail"));

        assertThat(StartupFailure.describe(failure)).isEqualTo("inner");
        assertThat(StartupFailure.describe(new NullPointerException())).isEqualTo("NullPointerException");
    }
}
