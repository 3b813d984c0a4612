package cn.cadreflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules as Spring Modulith sees them: each top-level package of {@code cn.cadreflow} is one, its API is
 * its root package, everything below it ({@code internal}) is its own, and its {@code package-info.java} says
 * which modules it may use. The module diagram in {@code docs/architecture.md} is generated from the same
 * model and checked here, so it stays true; {@code -Ddocs.update=true} rewrites it.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(CadreFlowApplication.class);
    static final Path ARCHITECTURE = Path.of("docs/architecture.md");
    static final String BEGIN = "```mermaid\n";
    static final String END = "```\n";

    @Test
    void modulesUseEachOtherOnlyThroughTheirApiAndAsDeclared() {
        MODULES.verify();
    }

    @Test
    void theModuleDiagramInTheDocsIsCurrent() throws IOException {
        // PlantUML (C4) diagrams of the whole and of each module, in target/spring-modulith-docs
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

        String diagram = mermaid(MODULES);
        String doc = Files.readString(ARCHITECTURE);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END, begin + BEGIN.length());
        assertThat(begin).as("docs/architecture.md has a ```mermaid block").isNotNegative();
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(ARCHITECTURE, doc.substring(0, begin) + diagram + doc.substring(end + END.length()));
            return;
        }
        assertThat(doc.substring(begin, end + END.length()))
                .as("the module diagram in docs/architecture.md (run this test with -Ddocs.update=true to rewrite it)")
                .isEqualTo(diagram);
    }

    /** A Mermaid flowchart of the modules and their direct dependencies, in name order. */
    static String mermaid(ApplicationModules modules) {
        StringBuilder out = new StringBuilder(BEGIN).append("flowchart TD\n");
        modules.stream().sorted(Comparator.comparing(ApplicationModule::getName)).forEach(module -> {
            out.append("  ").append(module.getName()).append("[\"").append(module.getDisplayName()).append("\"]\n");
        });
        modules.stream().sorted(Comparator.comparing(ApplicationModule::getName)).forEach(module -> {
            String targets = module.getDirectDependencies(modules).stream()
                    .map(ApplicationModuleDependency::getTargetModule)
                    .map(ApplicationModule::getName)
                    .distinct().sorted().collect(Collectors.joining(" & "));
            if (!targets.isEmpty()) {
                out.append("  ").append(module.getName()).append(" --> ").append(targets).append('\n');
            }
        });
        return out.append(END).toString();
    }
}
