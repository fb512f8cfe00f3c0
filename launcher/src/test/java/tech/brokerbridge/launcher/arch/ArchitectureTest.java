package tech.brokerbridge.launcher.arch;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every architecture rule, checked against the production classes of every module. */
class ArchitectureTest {
    static final String ROOT = "tech.brokerbridge";
    private static JavaClasses production;

    @BeforeAll
    static void importAll() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the reactor hands other modules over as jars after `package`; their test-jars hold test code
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
                .importPackages(ROOT);
        // every module's classes must be in the import, or a rule could pass by seeing nothing
        for (String module : Stream.concat(Stream.of("ports", "core", "launcher"),
                ArchitectureRules.ADAPTERS.stream()).toList()) {
            assertFalse(production.stream().noneMatch(c -> c.getPackageName().startsWith(ROOT + "." + module)),
                    "no production classes imported for module " + module);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHoldsForTheProductionCode() {
        return ArchitectureRules.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Function<String, ArchRule> rule = e.getValue();
            EvaluationResult result = rule.apply(ROOT).evaluate(production);
            assertFalse(result.hasViolation(), () -> e.getKey() + ":\n" + result.getFailureReport());
        }));
    }
}
