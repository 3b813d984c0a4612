package cn.cadreflow.modelling.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.router.Route;

import cn.cadreflow.modelling.LibraryService;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserService;
import cn.cadreflow.workflow.ModelVersion;
import jakarta.annotation.security.RolesAllowed;

/**
 * 表单设计 ({@code admin/library/form}): the form-js editor, showing only what the task view draws and validates;
 * 新建表单, 复制编辑 of a form version or 继续编辑 of a draft; deployed through the guard as a new version of the form.
 */
@Route("admin/library/form")
@RolesAllowed(AppRoles.ADMIN)
public class FormEditorView extends FileEditorView {

    private static final ObjectMapper JSON = new ObjectMapper();

    public FormEditorView(LibraryService library, UserService users, LibraryLimits limits) {
        super(library, users.current(), ModelVersion.Kind.FORM, "formEditor",
                new FormEditor(locale(), (int) limits.maxBytes()));
    }

    @Override
    String newContent(String key) {
        try {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("id", key);
            form.put("type", "default");
            form.put("components", List.of());
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(form);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    String key(String content) {
        try {
            return JSON.readTree(content).path("id").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    String name(String content) {
        return key(content);
    }
}
