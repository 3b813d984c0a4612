package cn.cadreflow.workflow.internal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.WorkflowViews;

/**
 * What a row or a task title is about, in one line: "张伟 · 培训请假 · 数字政府专题培训 · 2027-08-23至08-25 · 24学时 ·
 * PX-3", the subject, the process, the line the process defines and the request's number, each where known.
 */
final class AboutLine {

    static final String SEPARATOR = " · ";

    private AboutLine() {
    }

    static String of(WorkflowViews.About about, String processKey, String processName, String businessKey,
                     Texts texts, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (about.subject() != null && !about.subject().isBlank()) {
            parts.add(about.subject());
        }
        if (processKey != null) {
            parts.add(texts.processName(processKey, processName, locale));
        }
        if (about.summaryKey() != null) {
            parts.add(texts.get(about.summaryKey(), locale, about.summaryArgs().toArray()));
        }
        if (businessKey != null && !businessKey.isBlank()) {
            parts.add(businessKey);
        }
        return String.join(SEPARATOR, parts);
    }

    static String of(WorkflowViews.TaskSummary t, Texts texts, Locale locale) {
        return of(t.about(), t.processKey(), t.processName(), t.businessKey(), texts, locale);
    }

    static String of(WorkflowViews.Copy c, Texts texts, Locale locale) {
        return of(c.about(), c.instance().processKey(), c.instance().processName(), c.instance().businessKey(), texts,
                locale);
    }
}
