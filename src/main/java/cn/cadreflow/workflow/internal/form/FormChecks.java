package cn.cadreflow.workflow.internal.form;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.cadreflow.workflow.FormDefinition;
import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.ProcessHandler;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.internal.Plugins;

/** Server-side validation of a submitted form: the form's own rules, then the process handler's checks. */
@Component
public class FormChecks {

    private final Plugins plugins;

    FormChecks(Plugins plugins) {
        this.plugins = plugins;
    }

    /**
     * The form's own rules, then the handler's checks. On resubmission {@code current} holds the instance's
     * variables, so the handler sees what onStart added (e.g. the request's own id) beside the new values.
     */
    public Map<String, Object> validated(FormDefinition form, Map<String, ?> submitted, Map<String, Object> known,
                                         String processKey, String username, Map<String, Object> current) {
        FormValidator.Result result = FormValidator.validate(form, submitted == null ? Map.of() : submitted, known);
        List<FormError> errors = new ArrayList<>(result.errors());
        ProcessHandler handler = plugins.handler(processKey);
        if (handler != null) {
            // the process's own checks run too, on the fields that passed, so all problems show at once
            Map<String, Object> checked = new HashMap<>(current);
            result.errors().forEach(e -> checked.remove(e.field()));
            checked.putAll(result.values());
            errors.addAll(handler.validate(username, checked));
        }
        if (!errors.isEmpty()) {
            throw new WorkflowException("form.error.invalid", errors);
        }
        return result.values();
    }

    /** The form's own rules only. */
    public static Map<String, Object> validatedValues(FormDefinition form, Map<String, ?> submitted,
                                                      Map<String, Object> known) {
        FormValidator.Result result = FormValidator.validate(form, submitted == null ? Map.of() : submitted, known);
        if (!result.ok()) {
            throw new WorkflowException("form.error.invalid", result.errors());
        }
        return result.values();
    }
}
