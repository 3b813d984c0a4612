package cn.cadreflow.workflow.internal.task;

import org.springframework.stereotype.Component;

import cn.cadreflow.workflow.AttachmentRules;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.internal.WorkflowSettings;

/** The attachment rules as the module's API, with the limits from {@link WorkflowSettings}. */
@Component
class FileChecks implements AttachmentRules {

    private final WorkflowSettings settings;

    FileChecks(WorkflowSettings settings) {
        this.settings = settings;
    }

    @Override
    public CheckedFile checkFile(String fileName, byte[] content) {
        String name = Attachments.safeName(fileName);
        String problem = Attachments.problem(name, content, settings);
        if (problem != null) {
            throw new WorkflowException(problem);
        }
        return new CheckedFile(name, Attachments.MIME.get(Attachments.ending(name)));
    }

    @Override
    public long maxBytes() {
        return settings.attachmentMaxBytes();
    }

    @Override
    public java.util.List<String> endings() {
        return settings.attachmentTypes();
    }
}
