package io.natrium.embedded.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs an embedded Natrium server for the annotated test class (one for all its tests, or one per test with
 * {@code perMethod = true}) or test method, and stops it after, also when a test fails. Test and lifecycle methods
 * take {@link io.natrium.embedded.NatriumServer}, a jnats {@code Connection} (over TCP, or in-process when the
 * parameter is annotated {@link InProcess}) or a {@code String} annotated {@link NatsUrl}; connections are closed
 * after the method's scope.
 *
 * <pre>{@code
 * @Natrium(config = "max_payload: 1MB")
 * class GreeterTest {
 *     @Test
 *     void answers(Connection nc) throws Exception { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(NatriumExtension.class)
public @interface Natrium {

    /** On a class: a fresh server for each test instead of one for the whole class. */
    boolean perMethod() default false;

    /** Configuration text in nats-server's language. */
    String config() default "";

    /** A configuration file on the class path, read instead of {@link #config()}. */
    String configResource() default "";

    /** HTTP monitoring on a free port. */
    boolean monitoring() default false;

    /** The server's name ({@code server_name}); generated when empty. */
    String serverName() default "";

    /** One user every client logs in as, with {@link #password()}; injected connections log in with them. */
    String user() default "";

    String password() default "";
}
