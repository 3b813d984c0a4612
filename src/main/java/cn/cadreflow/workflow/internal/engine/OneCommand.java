package cn.cadreflow.workflow.internal.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs work making many engine calls as one engine command: the calls share its command context, so the engine
 * writes what they all did in one flush at the end (in JDBC batches), not in one flush per call. A bulk start of
 * a batch of instances pays the command's own cost (context, sessions, flush) once instead of once per instance.
 * The caller's transaction is joined, as by every engine call.
 */
@Component
class OneCommand {

    private final ProcessEngineConfigurationImpl configuration;

    OneCommand(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    <T> T run(Supplier<T> work) {
        return configuration.getCommandExecutorTxRequired().execute(context -> work.get());
    }
}
