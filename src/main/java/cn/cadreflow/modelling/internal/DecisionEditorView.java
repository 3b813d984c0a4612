package cn.cadreflow.modelling.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vaadin.flow.router.Route;

import cn.cadreflow.modelling.LibraryService;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserService;
import cn.cadreflow.workflow.ModelVersion;
import jakarta.annotation.security.RolesAllowed;

/**
 * 决策表设计 ({@code admin/library/decision}): the dmn-js decision-table editor; 新建决策表, 复制编辑 of a decision
 * version or 继续编辑 of a draft; deployed through the guard (decision tables only) as a new version.
 */
@Route("admin/library/decision")
@RolesAllowed(AppRoles.ADMIN)
public class DecisionEditorView extends FileEditorView {

    /** The first decision's start tag; its id names the file (the guard reads the whole file on the server). */
    private static final Pattern DECISION = Pattern.compile("<(?:[A-Za-z0-9]+:)?decision\\s[^>]*>");
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");
    private static final Pattern NAME = Pattern.compile("\\sname=\"([^\"]*)\"");

    public DecisionEditorView(LibraryService library, UserService users, LibraryLimits limits) {
        super(library, users.current(), ModelVersion.Kind.DECISION, "decisionEditor",
                new DmnEditor(locale(), (int) limits.maxBytes()));
    }

    @Override
    String newContent(String key) {
        String name = escape(getTranslation("decisionEditor.newName"));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" \
                xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="definitions_%1$s" name="%2$s" \
                namespace="http://camunda.org/schema/1.0/dmn">
                  <decision id="%1$s" name="%2$s" camunda:historyTimeToLive="3650">
                    <decisionTable id="table_%1$s">
                      <input id="input_1" label="%3$s">
                        <inputExpression id="inputExpression_1" typeRef="string">
                          <text>value</text>
                        </inputExpression>
                      </input>
                      <output id="output_1" label="%4$s" name="result" typeRef="string" />
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(key, name, escape(getTranslation("decisionEditor.input")),
                escape(getTranslation("decisionEditor.output")));
    }

    @Override
    String key(String content) {
        return attribute(content, ID);
    }

    @Override
    String name(String content) {
        String name = attribute(content, NAME);
        return name.isBlank() ? key(content) : name;
    }

    private static String attribute(String content, Pattern attribute) {
        Matcher decision = DECISION.matcher(content == null ? "" : content);
        if (!decision.find()) {
            return "";
        }
        Matcher m = attribute.matcher(decision.group());
        return m.find() ? m.group(1) : "";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
