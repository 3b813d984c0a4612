package cn.cadreflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cadreflow.CadreFlowTest;

/**
 * What the engine deploys at start is exactly our own models: the files under the top-level {@code processes/} and
 * {@code forms/}, nothing a library or the test class path happens to carry under the same folder names.
 */
@CadreFlowTest
class ProcessDeploymentTest {

    @Autowired
    RepositoryService repository;

    @Test
    void theEngineDeploysOurProcessesAndFormsAndNothingElse() throws IOException {
        Set<String> deployed = new TreeSet<>();
        for (Deployment deployment : repository.createDeploymentQuery().list()) {
            if ("CadreFlow library".equals(deployment.getSource())) {
                continue; // an administrator's upload through 流程库 (the library's tests make some), not the start's
            }
            for (String name : repository.getDeploymentResourceNames(deployment.getId())) {
                deployed.add(Path.of(name).getFileName().toString());
            }
        }
        Set<String> ours = new TreeSet<>();
        for (String dir : new String[] {"processes", "forms"}) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                files.forEach(file -> ours.add(file.getFileName().toString()));
            }
        }
        assertThat(deployed).isEqualTo(ours);
    }
}
