package tech.brokerbridge.launcher.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        PLANTED.put("internal_packages_used_only_inside_their_module", "internal");
        PLANTED.put("no_package_cycles_inside_a_module", "pkgcyc");
        for (String vendor : Set.of("netty_only_in_http", "jackson_only_in_adapters_and_launcher",
                "stripe_only_in_stripe", "java_keyring_only_in_keyring", "bouncy_castle_only_in_keyring",
                "sqlite_jdbc_only_in_sqlite", "ta4j_only_in_signals", "jakarta_mail_only_in_notify",
                "angus_mail_only_in_notify")) {
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
            assertTrue(evaluate(e.getKey(), e.getValue()).hasViolation(),
                    e.getKey() + " did not catch the planted violation in " + FIXTURES + "." + e.getValue());
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

    @Test
    void theInternalRuleCatchesOtherModulesOnlyAtAnyDepth() {
        String report = report("internal_packages_used_only_inside_their_module", "internal");
        assertTrue(report.contains("UsesCoreInternal"), "launcher → core.internal not caught:\n" + report);
        assertTrue(report.contains("UsesPaperEngine"), "http → paper.internal.sim not caught:\n" + report);
        assertFalse(report.contains("ThingFactory"), "a module's use of its own internal was reported:\n" + report);
    }

    @Test
    void thePackageCycleRuleAllowsOnlyTheFactoryEdge() {
        String report = report("no_package_cycles_inside_a_module", "pkgcyc");
        assertTrue(report.contains("pkgcyc.core.internal.risk") && report.contains("pkgcyc.core.internal.scoring"),
                "the cycle between two core sub-packages not caught:\n" + report);
        assertTrue(report.contains("ServerSettings"), "a root class other than the factory into internal not caught:\n"
                + report);
        assertFalse(report.contains("pkgcyc.paper"), "the factory → internal → published interface edge was reported:\n"
                + report);
    }

    @Test
    void eachCycleRuleSeesOnlyItsOwnKindOfCycle() {
        assertFalse(evaluate("no_package_cycles_inside_a_module", "cyc").hasViolation(),
                "a cycle between modules is no_cycles_between_modules' to report");
        assertFalse(evaluate("no_cycles_between_modules", "pkgcyc").hasViolation(),
                "cycles inside a module are no_package_cycles_inside_a_module's to report");
    }

    private static EvaluationResult evaluate(String rule, String fixture) {
        String root = FIXTURES + "." + fixture;
        return ArchitectureRules.all().get(rule).apply(root).evaluate(new ClassFileImporter().importPackages(root));
    }

    private static String report(String rule, String fixture) {
        return String.join("\n", evaluate(rule, fixture).getFailureReport().getDetails());
    }
}
