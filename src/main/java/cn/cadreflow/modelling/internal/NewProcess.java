package cn.cadreflow.modelling.internal;

/** The diagram a new process starts from: a start event, one user task and an end event, kept for ten years. */
final class NewProcess {

    private NewProcess() {
    }

    static String xml(String key, String name, String taskName) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
                xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" \
                xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" \
                id="Definitions_%1$s" targetNamespace="http://cadreflow.cn/bpmn">
                  <bpmn:process id="%1$s" name="%2$s" isExecutable="true" camunda:historyTimeToLive="3650">
                    <bpmn:startEvent id="start">
                      <bpmn:outgoing>flow_1</bpmn:outgoing>
                    </bpmn:startEvent>
                    <bpmn:userTask id="task_1" name="%3$s">
                      <bpmn:incoming>flow_1</bpmn:incoming>
                      <bpmn:outgoing>flow_2</bpmn:outgoing>
                    </bpmn:userTask>
                    <bpmn:endEvent id="end">
                      <bpmn:incoming>flow_2</bpmn:incoming>
                    </bpmn:endEvent>
                    <bpmn:sequenceFlow id="flow_1" sourceRef="start" targetRef="task_1"/>
                    <bpmn:sequenceFlow id="flow_2" sourceRef="task_1" targetRef="end"/>
                  </bpmn:process>
                  <bpmndi:BPMNDiagram id="diagram">
                    <bpmndi:BPMNPlane id="plane" bpmnElement="%1$s">
                      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="102" width="36" height="36"/></bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="task_1_di" bpmnElement="task_1"><dc:Bounds x="240" y="80" width="100" height="80"/></bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="392" y="102" width="36" height="36"/></bpmndi:BPMNShape>
                      <bpmndi:BPMNEdge id="flow_1_di" bpmnElement="flow_1"><di:waypoint x="188" y="120"/><di:waypoint x="240" y="120"/></bpmndi:BPMNEdge>
                      <bpmndi:BPMNEdge id="flow_2_di" bpmnElement="flow_2"><di:waypoint x="340" y="120"/><di:waypoint x="392" y="120"/></bpmndi:BPMNEdge>
                    </bpmndi:BPMNPlane>
                  </bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """.formatted(key, escape(name), escape(taskName));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
