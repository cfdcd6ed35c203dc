package dev.portcullis.domain.testing;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Runs {@link PropertyTest} methods: JUnit calls the method once, this calls it once per case with a fresh
 * {@link Gen}. {@link #fuzz} lets one Jazzer {@code @FuzzTest} per class drive the same properties from the fuzzer's
 * input instead, so a property is written once and both checks many seeded cases in every build and can be fuzzed.
 */
public final class PropertyRunner implements ParameterResolver, InvocationInterceptor {

    /** The seed every build uses unless {@code -Dproperty.seed} names another. */
    public static final long DEFAULT_SEED = 0x5EED_2026L;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Gen.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return Gen.seeded(new SplittableRandom(DEFAULT_SEED)); // unused: interceptTestMethod supplies each case's own
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        invocation.skip();
        Method property = invocationContext.getExecutable();
        if (property.getParameterCount() != 1 || property.getParameterTypes()[0] != Gen.class) {
            throw new IllegalStateException(name(property) + ": a @PropertyTest takes one Gen and nothing else");
        }
        Object instance = invocationContext.getTarget().orElse(null);
        int tries = property.getAnnotation(PropertyTest.class).tries();
        long seed = seed();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 1; i <= tries; i++) {
            Gen any = Gen.seeded(random.split());
            try {
                invoke(property, instance, any);
            } catch (Throwable failure) {
                throw new AssertionError("%s failed on case %d of %d from seed %d (rerun it with -Dproperty.seed=%d); drew %s"
                        .formatted(name(property), i, tries, seed, seed, any.drawn()), failure);
            }
        }
    }

    /**
     * Runs one of {@code testInstance}'s properties, chosen by the fuzzer, on the fuzzer's input. The choice is by
     * position in name order, so adding a property re-aims old corpus entries: they stay valid inputs, only for
     * another property.
     */
    public static void fuzz(Object testInstance, FuzzedDataProvider data) throws Throwable {
        List<Method> properties = Arrays.stream(testInstance.getClass().getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(PropertyTest.class))
                .sorted(Comparator.comparing(Method::getName))
                .toList();
        Method property = properties.get(data.consumeInt(0, properties.size() - 1));
        Gen any = Gen.fuzzed(data);
        try {
            invoke(property, testInstance, any);
        } catch (Throwable failure) {
            throw new AssertionError("%s failed; drew %s".formatted(name(property), any.drawn()), failure);
        }
    }

    private static void invoke(Method property, Object instance, Gen any) throws Throwable {
        property.setAccessible(true);
        try {
            property.invoke(instance, any);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static long seed() {
        String configured = System.getProperty("property.seed");
        return configured == null || configured.isBlank() ? DEFAULT_SEED : Long.parseLong(configured.strip());
    }

    private static String name(Method property) {
        return property.getDeclaringClass().getSimpleName() + "." + property.getName();
    }
}
