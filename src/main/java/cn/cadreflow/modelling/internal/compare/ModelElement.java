package cn.cadreflow.modelling.internal.compare;

import java.util.Map;

/**
 * An element of a model as the comparison sees it: its id, its type (a BPMN or DMN element's local name, a form
 * component's type), its name, and its properties in words-ready form (property name → value as text).
 */
public record ModelElement(String id, String type, String name, Map<String, String> properties) {
}
