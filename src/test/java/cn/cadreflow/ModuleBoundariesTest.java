package cn.cadreflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * What Spring Modulith's verification ({@link ModularityTest}) leaves to us: engine types stay inside the engine
 * adapter, so moving from Camunda 7 to its Operaton fork stays a rename there; every module says in its
 * {@code package-info.java} what it may use; and a module that declares no dependencies uses none (Modulith reads
 * an empty list as "any").
 */
class ModuleBoundariesTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.cadreflow");

    @Test
    void engineTypesStayInsideTheEngineAdapter() {
        noClasses().that().resideOutsideOfPackage("cn.cadreflow.workflow.internal.engine..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .check(CLASSES);
    }

    @Test
    void everyModuleDeclaresItselfInItsPackageInfo() {
        ModularityTest.MODULES.forEach(module -> assertThat(declaration(module.getBasePackage().getName()))
                .as("@ApplicationModule on %s's package-info.java", module.getName()).isNotNull());
    }

    @Test
    void modulesDeclaringNoDependenciesUseNoOtherModule() {
        ModularityTest.MODULES.forEach(module -> {
            String base = module.getBasePackage().getName();
            if (declaration(base).allowedDependencies().length > 0) {
                return;
            }
            String[] others = ModularityTest.MODULES.stream().filter(m -> m != module)
                    .map(m -> m.getBasePackage().getName() + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage(base + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because(module.getName() + " declares no dependencies: " + Arrays.toString(others))
                    .check(CLASSES);
        });
    }

    private static ApplicationModule declaration(String basePackage) {
        try {
            return Class.forName(basePackage + ".package-info").getAnnotation(ApplicationModule.class);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
