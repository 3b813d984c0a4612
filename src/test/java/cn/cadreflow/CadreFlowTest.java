package cn.cadreflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a private in-memory H2 database with the demo organisation loaded. Every test
 * class with these same properties shares one Spring context, so the engine starts once per run. No job executor,
 * and no background look for stopped campaign launches: tests that need either run it themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:cadreflow-test;DB_CLOSE_DELAY=-1",
        "cadreflow.demo-data=true",
        "camunda.bpm.job-execution.enabled=false",
        "cadreflow.annual-review.launch-watch=P1D"})
public @interface CadreFlowTest {
}
