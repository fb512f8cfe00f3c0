package tech.brokerbridge.launcher.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The architecture's rules, each named, each a function of the root package so that the same rule
 * can be proven to fail on planted violations under another root (see {@code PlantedViolationsTest}).
 */
final class ArchitectureRules {
    /** Module package suffixes below the root. */
    static final List<String> ADAPTERS = List.of("http", "ibkr", "paper", "ai", "signals", "stripe", "keyring", "sqlite",
            "notify");

    private ArchitectureRules() {
    }

    /** Every rule by name. */
    static Map<String, Function<String, ArchRule>> all() {
        Map<String, Function<String, ArchRule>> rules = new LinkedHashMap<>();
        rules.put("ports_depend_only_on_the_jdk", ArchitectureRules::portsDependOnlyOnJdk);
        rules.put("core_depends_only_on_ports_and_the_jdk", ArchitectureRules::coreDependsOnlyOnPorts);
        rules.put("adapters_do_not_depend_on_core", ArchitectureRules::adaptersNotOnCore);
        rules.put("adapters_do_not_depend_on_each_other", ArchitectureRules::adaptersNotOnEachOther);
        rules.put("no_cycles_between_modules", ArchitectureRules::noModuleCycles);
        rules.put("guice_only_in_launcher", ArchitectureRules::guiceOnlyInLauncher);
        rules.put("netty_only_in_http", root -> vendorOnlyIn(root, "io.netty..", Set.of("http")));
        rules.put("jackson_only_in_adapters_and_launcher", ArchitectureRules::jacksonOnlyInAdaptersAndLauncher);
        rules.put("stripe_only_in_stripe", root -> vendorOnlyIn(root, "com.stripe..", Set.of("stripe")));
        rules.put("java_keyring_only_in_keyring",
                root -> vendorOnlyIn(root, "com.github.javakeyring..", Set.of("keyring")));
        rules.put("bouncy_castle_only_in_keyring", root -> vendorOnlyIn(root, "org.bouncycastle..", Set.of("keyring")));
        rules.put("sqlite_jdbc_only_in_sqlite", root -> vendorOnlyIn(root, "org.sqlite..", Set.of("sqlite")));
        rules.put("ta4j_only_in_signals", root -> vendorOnlyIn(root, "org.ta4j..", Set.of("signals")));
        rules.put("jakarta_mail_only_in_notify", root -> vendorOnlyIn(root, "jakarta.mail..", Set.of("notify")));
        rules.put("angus_mail_only_in_notify", root -> vendorOnlyIn(root, "org.eclipse.angus..", Set.of("notify")));
        rules.put("no_system_clock_env_or_properties_in_core_and_ports", ArchitectureRules::noAmbientReads);
        rules.put("no_standard_streams", root -> GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
                .as("no_standard_streams"));
        rules.put("no_java_util_logging", root -> GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
                .as("no_java_util_logging"));
        rules.put("no_generic_exceptions", root -> GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
                .as("no_generic_exceptions"));
        rules.put("internal_packages_used_only_inside_their_module", ArchitectureRules::internalStaysInside);
        rules.put("no_package_cycles_inside_a_module", ArchitectureRules::noPackageCyclesInsideModules);
        return rules;
    }

    static ArchRule portsDependOnlyOnJdk(String root) {
        return noClasses().that().resideInAPackage(root + ".ports..")
                .should().dependOnClassesThat(new DescribedPredicate<JavaClass>("are outside the JDK and ports") {
                    @Override
                    public boolean test(JavaClass c) {
                        return !isJdk(c) && !c.getPackageName().startsWith(root + ".ports");
                    }
                }).as("ports_depend_only_on_the_jdk");
    }

    static ArchRule coreDependsOnlyOnPorts(String root) {
        return noClasses().that().resideInAPackage(root + ".core..")
                .should().dependOnClassesThat(new DescribedPredicate<JavaClass>("are outside the JDK, SLF4J, ports and core") {
                    @Override
                    public boolean test(JavaClass c) {
                        String p = c.getPackageName();
                        return !isJdk(c) && !p.startsWith(root + ".ports") && !p.startsWith(root + ".core")
                                && !p.startsWith("org.slf4j");
                    }
                }).as("core_depends_only_on_ports_and_the_jdk");
    }

    static ArchRule adaptersNotOnCore(String root) {
        return noClasses().that().resideInAnyPackage(adapterPackages(root))
                .should().dependOnClassesThat().resideInAPackage(root + ".core..")
                .as("adapters_do_not_depend_on_core");
    }

    static ArchRule adaptersNotOnEachOther(String root) {
        return slices().matching(root + ".(*)..")
                .that(new DescribedPredicate<>("are adapters") {
                    @Override
                    public boolean test(com.tngtech.archunit.library.dependencies.Slice slice) {
                        return ADAPTERS.contains(slice.getNamePart(1));
                    }
                })
                .should().notDependOnEachOther()
                .as("adapters_do_not_depend_on_each_other");
    }

    static ArchRule noModuleCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles().as("no_cycles_between_modules");
    }

    /** Every module by its package below the root. */
    static List<String> modules() {
        return Stream.concat(Stream.of("ports", "core", "launcher"), ADAPTERS.stream()).toList();
    }

    /**
     * A module's {@code ..internal..} packages are its own: no class of another module depends on
     * them, so a module can change its insides without breaking anyone. Tests are not imported.
     */
    static ArchRule internalStaysInside(String root) {
        return CompositeArchRule.of(modules().stream().map(m -> noClasses()
                        .that().resideOutsideOfPackage(root + "." + m + "..")
                        .should().dependOnClassesThat().resideInAPackage(root + "." + m + "..internal..")
                        .allowEmptyShould(true))
                        .toList())
                .as("internal_packages_used_only_inside_their_module");
    }

    /**
     * The packages of each module form no cycle (cycles between modules are
     * {@code no_cycles_between_modules}). Each package is a node of its own, so a cycle between a
     * package and its sub-package counts too.
     *
     * <p>One edge is allowed back: a module's published factory (a class named {@code *Factory} in
     * the module's root package) may build the implementation under its own {@code internal}. The
     * implementation necessarily refers to the root: it implements the published interface the
     * factory returns ({@code Desk}, {@code LocalHttpServer}, {@code PaperMarket}, ...) and reads the
     * published config record, which issue 11 makes the one owner of its settings (an internal copy
     * of each record would be a second place every new setting must be added to). Any other class of
     * the root reaching into {@code internal}, and any cycle among the packages under
     * {@code internal}, is a violation.
     */
    static ArchRule noPackageCyclesInsideModules(String root) {
        return CompositeArchRule.of(modules().stream().map(m -> {
                    String module = root + "." + m;
                    return slices().assignedFrom(packagesOf(module))
                            .should().beFreeOfCycles()
                            .ignoreDependency(publishedFactoryOf(module),
                                    JavaClass.Predicates.resideInAPackage(module + ".internal.."))
                            .allowEmptyShould(true);
                })
                        .toList())
                .as("no_package_cycles_inside_a_module")
                .because("only a module's published factory may reach into its internal package, whose code"
                        + " implements and reads the published types");
    }

    /** One slice per package of the module; classes of other modules belong to no slice. */
    private static SliceAssignment packagesOf(String module) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                return p.equals(module) || p.startsWith(module + ".") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages of " + module;
            }
        };
    }

    /** A class named {@code *Factory} in the module's root package, or a class nested in one. */
    private static DescribedPredicate<JavaClass> publishedFactoryOf(String module) {
        return new DescribedPredicate<>("the published factory of " + module) {
            @Override
            public boolean test(JavaClass c) {
                String topLevel = c.getName().split("\\$", 2)[0];
                return c.getPackageName().equals(module) && topLevel.endsWith("Factory");
            }
        };
    }

    static ArchRule guiceOnlyInLauncher(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".launcher..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "javax.inject..",
                        "jakarta.inject..")
                .as("guice_only_in_launcher");
    }

    static ArchRule vendorOnlyIn(String root, String vendorPackage, Set<String> modules) {
        String[] allowed = modules.stream().map(m -> root + "." + m + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackages(allowed)
                .should().dependOnClassesThat().resideInAPackage(vendorPackage)
                .as(vendorPackage.replace("..", "") + " only in " + String.join(", ", modules));
    }

    /** Any adapter may read and write JSON with Jackson; ports and core never see it. */
    static ArchRule jacksonOnlyInAdaptersAndLauncher(String root) {
        Set<String> allowed = new java.util.HashSet<>(ADAPTERS);
        allowed.add("launcher");
        return vendorOnlyIn(root, "com.fasterxml.jackson..", allowed);
    }

    static ArchRule noAmbientReads(String root) {
        return noClasses().that().resideInAnyPackage(root + ".core..", root + ".ports..")
                .should().callMethodWhere(new DescribedPredicate<JavaCall<?>>("read the system clock, environment or system properties") {
                    @Override
                    public boolean test(JavaCall<?> call) {
                        return isAmbientRead(call);
                    }
                }).as("no_system_clock_env_or_properties_in_core_and_ports");
    }

    private static boolean isAmbientRead(JavaCall<?> call) {
        String owner = call.getTargetOwner().getName();
        String name = call.getName();
        int params = call.getTarget().getRawParameterTypes().size();
        if (owner.equals("java.lang.System")) {
            return Set.of("currentTimeMillis", "nanoTime", "getenv", "getProperty", "getProperties").contains(name);
        }
        if (owner.equals("java.time.Clock")) {
            return Set.of("systemUTC", "systemDefaultZone", "system").contains(name);
        }
        if (owner.startsWith("java.time.") && name.equals("now")) {
            return params == 0 || call.getTarget().getRawParameterTypes().get(0).getName().equals("java.time.ZoneId");
        }
        if (owner.equals("java.lang.Integer") || owner.equals("java.lang.Long") || owner.equals("java.lang.Boolean")) {
            return Set.of("getInteger", "getLong", "getBoolean").contains(name);
        }
        return false;
    }

    private static String[] adapterPackages(String root) {
        return ADAPTERS.stream().map(a -> root + "." + a + "..").toArray(String[]::new);
    }

    private static boolean isJdk(JavaClass c) {
        String n = c.getName();
        return c.isPrimitive() || c.isArray() && isJdk(c.getBaseComponentType())
                || n.startsWith("java.") || n.startsWith("javax.annotation.");
    }
}
