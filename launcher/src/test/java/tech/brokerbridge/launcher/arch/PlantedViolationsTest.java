package tech.brokerbridge.launcher.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Proves that every rule fails on a planted violation, so that no rule silently checks nothing. The
 * planted classes live under {@code tech.brokerbridge.archfixtures.<case>} in the test sources; each
 * rule is evaluated with that case as its root.
 */
class PlantedViolationsTest {
    private static final String FIXTURES = "tech.brokerbridge.archfixtures";

    /** rule → fixture case whose classes violate it. */
    private static final Map<String, String> PLANTED = new LinkedHashMap<>();

    static {
        PLANTED.put("ports_depend_only_on_the_jdk", "ports1");
        PLANTED.put("core_depends_only_on_ports_and_the_jdk", "core1");
        PLANTED.put("adapters_do_not_depend_on_core", "a2c");
        PLANTED.put("adapters_do_not_depend_on_each_other", "a2a");
        PLANTED.put("no_cycles_between_modules", "cyc");
        PLANTED.put("guice_only_in_launcher", "guice");
        for (String vendor : Set.of("netty_only_in_http", "jackson_only_in_adapters_and_launcher",
                "stripe_only_in_stripe", "java_keyring_only_in_keyring", "bouncy_castle_only_in_keyring",
                "sqlite_jdbc_only_in_sqlite", "ta4j_only_in_signals")) {
            PLANTED.put(vendor, "vendors");
        }
        PLANTED.put("no_system_clock_env_or_properties_in_core_and_ports", "clock");
        PLANTED.put("no_standard_streams", "streams");
        PLANTED.put("no_java_util_logging", "jul");
        PLANTED.put("no_generic_exceptions", "generic");
    }

    @Test
    void everyRuleHasAPlantedViolation() {
        assertEquals(ArchitectureRules.all().keySet(), PLANTED.keySet());
    }

    @TestFactory
    Stream<DynamicTest> everyRuleFailsOnItsPlantedViolation() {
        return PLANTED.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String root = FIXTURES + "." + e.getValue();
            JavaClasses planted = new ClassFileImporter().importPackages(root);
            EvaluationResult result = ArchitectureRules.all().get(e.getKey()).apply(root).evaluate(planted);
            assertTrue(result.hasViolation(), e.getKey() + " did not catch the planted violation in " + root);
        }));
    }

    @Test
    void jacksonIsCaughtInPortsAndCoreButAllowedInAnAdapter() {
        String root = FIXTURES + ".vendors";
        List<String> caught = ArchitectureRules.jacksonOnlyInAdaptersAndLauncher(root)
                .evaluate(new ClassFileImporter().importPackages(root)).getFailureReport().getDetails();
        for (String where : new String[] {"vendors.core.UsesVendors", "vendors.ports.UsesJackson"}) {
            assertTrue(caught.stream().anyMatch(d -> d.contains(where)), where + " not caught: " + caught);
        }
        assertTrue(caught.stream().noneMatch(d -> d.contains("vendors.keyring")), "an adapter may: " + caught);
    }

    @Test
    void theAmbientReadRuleCatchesEachKindOfRead() {
        String root = FIXTURES + ".clock";
        EvaluationResult result = ArchitectureRules.noAmbientReads(root)
                .evaluate(new ClassFileImporter().importPackages(root));
        String report = String.join("\n", result.getFailureReport().getDetails());
        for (String read : new String[] {"currentTimeMillis", "Instant.now", "getenv", "getProperty"}) {
            assertTrue(report.contains(read), "not caught: " + read + "\n" + report);
        }
    }
}
