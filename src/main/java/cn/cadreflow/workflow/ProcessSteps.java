package cn.cadreflow.workflow;

/**
 * A process's facade for its BPMN: the only beans the engine resolves in expressions, by bean name (the engine
 * configuration's bean map), so that no model can reach any other bean. One per process, named after it (the
 * annual review's is {@code annualReviewSteps}); its public methods are named after the diagram's steps and take
 * plain values (ids, grades), never engine types.
 */
public interface ProcessSteps {
}
