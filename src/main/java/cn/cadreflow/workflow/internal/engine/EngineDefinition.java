package cn.cadreflow.workflow.internal.engine;

/** A deployed process definition (one version of a model). */
public record EngineDefinition(String id, String key, String name, boolean hasStartFormKey) {
}
