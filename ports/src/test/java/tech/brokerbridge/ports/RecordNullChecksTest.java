package tech.brokerbridge.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every record of the ports that rejects a missing component names the component it misses, not
 * another one: the null checks are written as name/value pairs ({@link Require#nonNull}), and this
 * catches a name paired with the wrong value in any of them.
 */
class RecordNullChecksTest {
    @Test
    void eachRecordNamesTheComponentThatIsMissing() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Class<?> type : portRecords()) {
            Object[] sample = sample(type);
            if (sample == null) {
                continue; // a component this test cannot make up a value for
            }
            RecordComponent[] components = type.getRecordComponents();
            List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
            Constructor<?> canonical = canonical(type);
            for (int i = 0; i < components.length; i++) {
                if (components[i].getType().isPrimitive()) {
                    continue;
                }
                Object[] args = sample.clone();
                args[i] = null;
                try {
                    canonical.newInstance(args);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof NullPointerException npe && names.contains(npe.getMessage())) {
                        assertEquals(names.get(i), npe.getMessage(), type.getName() + " without " + names.get(i));
                        checked.add(type.getSimpleName() + "." + names.get(i));
                    }
                }
            }
        }
        // most records of the ports null-check their components; a sweep that found few checked nothing
        assertTrue(checked.size() > 300, "only " + checked.size() + " null checks seen: " + checked);
    }

    private static List<Class<?>> portRecords() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Require.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> records = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
                Class<?> c = Class.forName(name.substring(0, name.length() - ".class".length()));
                if (c.isRecord()) {
                    records.add(c);
                }
            }
        }
        return records;
    }

    private static Constructor<?> canonical(Class<?> type) throws NoSuchMethodException {
        Class<?>[] parameters = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        Constructor<?> c = type.getDeclaredConstructor(parameters);
        c.setAccessible(true);
        return c;
    }

    /** Arguments the record accepts, none null; null when this test cannot make them up. */
    private static Object[] sample(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = value(components[i].getType());
            if (args[i] == null) {
                return null;
            }
        }
        try {
            canonical(type).newInstance(args);
            return args;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // the sample breaks another rule of the record (a range, a format)
        }
    }

    private static Object value(Class<?> t) {
        Map<Class<?>, Object> known = Map.ofEntries(Map.entry(boolean.class, false), Map.entry(int.class, 1),
                Map.entry(long.class, 1L), Map.entry(double.class, 1.0), Map.entry(String.class, "x"),
                Map.entry(Instant.class, Instant.EPOCH), Map.entry(Duration.class, Duration.ofSeconds(1)),
                Map.entry(Optional.class, Optional.empty()), Map.entry(OptionalInt.class, OptionalInt.empty()),
                Map.entry(OptionalLong.class, OptionalLong.empty()),
                Map.entry(OptionalDouble.class, OptionalDouble.empty()), Map.entry(List.class, List.of()),
                Map.entry(Set.class, Set.of()), Map.entry(Map.class, Map.of()),
                Map.entry(Pattern.class, Pattern.compile("x")), Map.entry(URI.class, URI.create("http://127.0.0.1/")));
        if (known.containsKey(t)) {
            return known.get(t);
        }
        if (t.isEnum()) {
            return t.getEnumConstants()[0];
        }
        if (t.isRecord()) {
            Object[] args = sample(t);
            try {
                return args == null ? null : canonical(t).newInstance(args);
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
        if (t.isSealed()) {
            return Arrays.stream(t.getPermittedSubclasses()).map(RecordNullChecksTest::value)
                    .filter(v -> v != null).findFirst().orElse(null);
        }
        return null;
    }
}
