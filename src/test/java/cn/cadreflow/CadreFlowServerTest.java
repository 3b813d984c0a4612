package cn.cadreflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application in its servlet container on a random port, on a private in-memory H2 database as a fresh
 * installation finds it: no demo data, and the first administrator's password given as an operator would
 * ({@link #ADMIN_PASSWORD}). Every test class with this annotation shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:cadreflow-server;DB_CLOSE_DELAY=-1",
        "cadreflow.initial-admin.password=" + CadreFlowServerTest.ADMIN_PASSWORD,
        "camunda.bpm.job-execution.enabled=false"})
public @interface CadreFlowServerTest {

    String ADMIN_PASSWORD = "first-Admin-2026";
}
