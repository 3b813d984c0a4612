package cn.cadreflow.workflow.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Task-centre rules an administrator may change ({@code cadreflow.workflow.*}).
 *
 * @param urgeInterval      how often one person may urge (催办) the same request
 * @param attachmentMaxSize largest attachment ({@code 10MB}; a plain number is bytes), for the task centre's
 *                          uploads and the files attached to evidence
 * @param attachmentTypes   accepted file endings
 */
@ConfigurationProperties("cadreflow.workflow")
public record WorkflowSettings(Duration urgeInterval, DataSize attachmentMaxSize, List<String> attachmentTypes) {

    public WorkflowSettings {
        urgeInterval = urgeInterval == null ? Duration.ofHours(1) : urgeInterval;
        attachmentMaxSize = attachmentMaxSize == null ? DataSize.ofMegabytes(10) : attachmentMaxSize;
        attachmentTypes = attachmentTypes == null || attachmentTypes.isEmpty()
                ? List.of("pdf", "doc", "docx", "xls", "xlsx", "jpg", "jpeg", "png", "txt") : List.copyOf(attachmentTypes);
    }

    /** The largest attachment, in bytes. */
    public long attachmentMaxBytes() {
        return attachmentMaxSize.toBytes();
    }
}
