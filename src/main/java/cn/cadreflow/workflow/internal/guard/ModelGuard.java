package cn.cadreflow.workflow.internal.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.w3c.dom.Document;

import cn.cadreflow.workflow.ModelProblem;

/**
 * The deployment guard: whether a {@code .bpmn}, {@code .dmn} or {@code .form} file may be deployed, and if not,
 * every reason with the element it is about. An allow-list: the file's size, its name, well-formed XML without a
 * DOCTYPE, then only the elements, attributes and expressions the rules name ({@link BpmnRules},
 * {@link DmnRules}, {@link FormRules}, {@link ExpressionRules}). Plain: no Spring, no engine; it reads the bytes
 * and nothing else, so a refused file has no effect at all.
 */
public final class ModelGuard {

    private final long maxBytes;
    private final ExpressionRules expressions;
    private final Predicate<String> formExists;
    private final Predicate<String> decisionExists;

    /**
     * @param maxBytes       the largest file accepted
     * @param facades        the process facades by bean name: all an expression may call
     * @param formExists     whether a form id is in the library (or in the same upload)
     * @param decisionExists whether a decision id is in the library (or in the same upload)
     */
    public ModelGuard(long maxBytes, Map<String, Class<?>> facades, Predicate<String> formExists,
                      Predicate<String> decisionExists) {
        this.maxBytes = maxBytes;
        this.expressions = new ExpressionRules(facades, name -> !ExpressionRules.ENGINE_OBJECTS.contains(name));
        this.formExists = formExists;
        this.decisionExists = decisionExists;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Every problem of the file; empty when it may be deployed. */
    public List<ModelProblem> check(String fileName, byte[] content) {
        ModelFiles.Kind kind = ModelFiles.kind(fileName);
        String name = fileName == null ? "" : fileName;
        if (kind == null) {
            return List.of(ModelProblem.of(name, "guard.file.kind"));
        }
        if (content == null || content.length > maxBytes) {
            return List.of(ModelProblem.of(name, "guard.file.tooLarge", String.valueOf(maxBytes / 1024)));
        }
        if (content.length == 0) {
            return List.of(ModelProblem.of(name, "guard.file.empty"));
        }
        if (kind == ModelFiles.Kind.FORM) {
            return new FormRules().check(name, content);
        }
        Document doc;
        try {
            doc = SafeXml.parse(content);
        } catch (SafeXml.Rejected rejected) {
            return List.of(ModelProblem.of(name, rejected.key, rejected.line));
        }
        return kind == ModelFiles.Kind.BPMN ? new BpmnRules(expressions, formExists, decisionExists).check(name, doc)
                : new DmnRules(expressions).check(name, doc);
    }

    /** The forms and decisions a process file names ({@code camunda:formRef}, {@code camunda:decisionRef}). */
    public static List<String> references(byte[] bpmn) {
        List<String> refs = new ArrayList<>();
        Document doc = SafeXml.parse(bpmn);
        for (org.w3c.dom.Element e : Dom.descendants(doc.getDocumentElement())) {
            for (String attribute : List.of("formRef", "decisionRef")) {
                String ref = e.getAttributeNS(BpmnAllowList.CAMUNDA, attribute);
                if (!ref.isEmpty() && !refs.contains(ref)) {
                    refs.add(ref);
                }
            }
        }
        return refs;
    }
}
