package cn.cadreflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The feature packages and what each may use. Engine types stay inside the workflow's engine adapter
 * ({@code workflow.internal.engine}), so moving from Camunda 7 to its Operaton fork stays a rename there.
 */
class ModuleBoundariesTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.cadreflow");

    /** Each package and the packages of ours it may depend on. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("i18n", Set.of()),
            Map.entry("org", Set.of()),
            Map.entry("workflow", Set.of("ui", "i18n")),
            Map.entry("security", Set.of("org", "workflow", "ui", "i18n")),
            Map.entry("cadre", Set.of("org", "security", "workflow", "ui", "i18n")),
            Map.entry("training", Set.of("cadre", "org", "security", "workflow", "ui", "i18n")),
            Map.entry("trainingleave", Set.of("training", "security", "workflow", "ui")),
            Map.entry("tolerance", Set.of("cadre", "org", "security", "workflow", "ui", "i18n")),
            Map.entry("annualreview", Set.of("cadre", "org", "security", "workflow", "training", "tolerance", "ui", "i18n")),
            Map.entry("admin", Set.of("org", "cadre", "security", "training", "annualreview", "workflow", "ui", "i18n")),
            Map.entry("ui", Set.of("i18n")));

    @Test
    void engineTypesStayInsideTheEngineAdapter() {
        noClasses().that().resideOutsideOfPackage("cn.cadreflow.workflow.internal.engine..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .check(CLASSES);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("cn.cadreflow.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void eachPackageUsesOnlyWhatItMay() {
        List<String> all = List.copyOf(ALLOWED.keySet());
        ALLOWED.forEach((module, allowed) -> {
            String[] forbidden = all.stream().filter(m -> !m.equals(module) && !allowed.contains(m))
                    .map(m -> "cn.cadreflow." + m + "..").toArray(String[]::new);
            if (forbidden.length > 0) {
                noClasses().that().resideInAPackage("cn.cadreflow." + module + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                        .because(module + " may use only " + allowed)
                        .check(CLASSES);
            }
        });
    }

    @Test
    void otherModulesUseOnlyAModulesRootPackage() {
        ALLOWED.keySet().forEach(module -> noClasses()
                .that().resideOutsideOfPackage("cn.cadreflow." + module + "..")
                .should().dependOnClassesThat().resideInAPackage("cn.cadreflow." + module + ".internal..")
                .because("a module's public API is its root package; " + module + ".internal is its own")
                .check(CLASSES));
    }

    @Test
    void everyPackageIsAccountedFor() {
        Set<String> packages = CLASSES.stream().map(c -> c.getPackageName())
                .filter(p -> p.startsWith("cn.cadreflow."))
                .map(p -> p.substring("cn.cadreflow.".length()).split("\\.")[0])
                .collect(Collectors.toSet());
        org.assertj.core.api.Assertions.assertThat(ALLOWED.keySet()).containsAll(packages);
    }
}
