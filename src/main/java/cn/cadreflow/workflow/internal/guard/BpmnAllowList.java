package cn.cadreflow.workflow.internal.guard;

import java.util.Map;

/** The BPMN a CadreFlow process may be drawn with (Camunda 7 extensions included), and nothing else. */
final class BpmnAllowList {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    static final String DI = "http://www.omg.org/spec/DD/20100524/DI";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final String MODELER = "http://camunda.org/schema/modeler/1.0";
    static final String BIOC = "http://bpmn.io/schema/bpmn/biocolor/1.0";
    static final String COLOR = "http://www.omg.org/spec/BPMN/non-normative/color/1.0";

    /** How attributes of each namespace are written in the allow-list. */
    static final Map<String, String> ALIASES = Map.of(CAMUNDA, "camunda", XmlAllowList.XSI, "xsi", MODELER,
            "modeler", BIOC, "bioc", COLOR, "color");

    private static final String[] ASYNC = { "camunda:asyncBefore", "camunda:asyncAfter", "camunda:exclusive" };
    private static final String[] FORM = { "camunda:formRef", "camunda:formRefBinding", "camunda:formRefVersion" };
    private static final String[] COLOURS = { "bioc:stroke", "bioc:fill", "color:background-color",
        "color:border-color", "color:color" };

    static final XmlAllowList LIST = new XmlAllowList()
            .allow(BPMN, "definitions", "id", "name", "targetNamespace", "exporter", "exporterVersion",
                    "modeler:executionPlatform", "modeler:executionPlatformVersion")
            .allow(BPMN, "process", "id", "name", "isExecutable", "camunda:historyTimeToLive",
                    "camunda:candidateStarterGroups", "camunda:candidateStarterUsers", "camunda:versionTag",
                    "camunda:isStartableInTasklist")
            .allow(BPMN, "collaboration", "id", "name")
            .allow(BPMN, "participant", "id", "name", "processRef")
            .allow(BPMN, "laneSet, lane", "id", "name")
            .allow(BPMN, "flowNodeRef, incoming, outgoing, extensionElements, text")
            .allow(BPMN, "documentation", "id", "textFormat")
            .allow(BPMN, "startEvent", join(new String[] { "id", "name", "camunda:initiator", "isInterrupting" }, FORM,
                ASYNC))
            .allow(BPMN, "endEvent, intermediateCatchEvent", join(new String[] { "id", "name" }, ASYNC))
            .allow(BPMN, "terminateEventDefinition, timerEventDefinition", "id")
            .allow(BPMN, "userTask", join(new String[] { "id", "name", "camunda:assignee", "camunda:candidateGroups",
                "camunda:candidateUsers", "camunda:dueDate", "camunda:followUpDate", "camunda:priority" }, FORM, ASYNC))
            .allow(BPMN, "serviceTask", join(new String[] { "id", "name", "camunda:expression",
                "camunda:resultVariable" }, ASYNC))
            .allow(BPMN, "businessRuleTask", join(new String[] { "id", "name", "camunda:decisionRef",
                "camunda:decisionRefBinding", "camunda:decisionRefVersion", "camunda:mapDecisionResult",
                "camunda:resultVariable" }, ASYNC))
            .allow(BPMN, "exclusiveGateway, inclusiveGateway", join(new String[] { "id", "name", "default",
                "gatewayDirection" }, ASYNC))
            .allow(BPMN, "parallelGateway", join(new String[] { "id", "name", "gatewayDirection" }, ASYNC))
            .allow(BPMN, "sequenceFlow", "id", "name", "sourceRef", "targetRef", "isImmediate")
            .allow(BPMN, "conditionExpression, timeDuration, timeDate, timeCycle, completionCondition, "
                    + "loopCardinality", "id", "xsi:type")
            .allow(BPMN, "subProcess", join(new String[] { "id", "name", "triggeredByEvent" }, ASYNC))
            .allow(BPMN, "message", "id", "name")
            .allow(BPMN, "messageEventDefinition", "id", "messageRef")
            .allow(BPMN, "boundaryEvent", join(new String[] { "id", "name", "attachedToRef", "cancelActivity" }, ASYNC))
            .allow(BPMN, "multiInstanceLoopCharacteristics", join(new String[] { "id", "isSequential",
                "camunda:collection", "camunda:elementVariable" }, ASYNC))
            .allow(BPMN, "textAnnotation", "id", "textFormat")
            .allow(BPMN, "association", "id", "sourceRef", "targetRef", "associationDirection")
            .allow(CAMUNDA, "properties, inputOutput")
            .allow(CAMUNDA, "property", "id", "name", "value")
            .allow(CAMUNDA, "executionListener, taskListener", "id", "event", "expression")
            .allow(CAMUNDA, "inputParameter, outputParameter", "name")
            .allow(CAMUNDA, "failedJobRetryTimeCycle")
            .allow(BPMNDI, "BPMNDiagram", "id", "name", "resolution")
            .allow(BPMNDI, "BPMNPlane", "id", "bpmnElement")
            .allow(BPMNDI, "BPMNShape", join(new String[] { "id", "bpmnElement", "isMarkerVisible", "isExpanded",
                "isHorizontal" }, COLOURS))
            .allow(BPMNDI, "BPMNEdge", join(new String[] { "id", "bpmnElement", "sourceElement", "targetElement" },
                    COLOURS))
            .allow(BPMNDI, "BPMNLabel", join(new String[] { "id", "labelStyle" }, COLOURS))
            .allow(BPMNDI, "BPMNLabelStyle", "id")
            .allow(DC, "Bounds", "x", "y", "width", "height")
            .allow(DC, "Font", "name", "size", "isBold", "isItalic", "isUnderline", "isStrikeThrough")
            .allow(DI, "waypoint", "x", "y");

    private BpmnAllowList() {
    }

    static String[] join(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
