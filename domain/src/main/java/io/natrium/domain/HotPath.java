package io.natrium.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that runs once per message (parse, match, deliver). The architecture tests keep streams,
 * {@code Optional}, regular expressions and {@code String.format} out of such classes, because each of them allocates
 * per call; see docs/architecture.md.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface HotPath {
}
