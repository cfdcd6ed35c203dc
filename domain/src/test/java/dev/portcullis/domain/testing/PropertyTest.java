package dev.portcullis.domain.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test method taking one {@link Gen} that runs as a property: on {@link #tries()} cases, each with its own inputs,
 * all drawn from one fixed seed so that every build checks the same cases and a failure reproduces. The failure
 * names the case, the seed and what the case drew; {@code -Dproperty.seed=N} runs another seed. See
 * {@link PropertyRunner} for the fuzzing side.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Test
@ExtendWith(PropertyRunner.class)
public @interface PropertyTest {

    int tries() default 1_000;
}
