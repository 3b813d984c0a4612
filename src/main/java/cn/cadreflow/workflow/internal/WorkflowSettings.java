package cn.cadreflow.workflow.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Task-centre rules an administrator may change ({@code cadreflow.workflow.*}).
 *
 * @param urgeInterval      how often one person may urge (催办) the same request
 * @param attachmentMaxSize largest attachment, in bytes
 * @param attachmentTypes   accepted file endings
 */
@ConfigurationProperties("cadreflow.workflow")
public record WorkflowSettings(Duration urgeInterval, Long attachmentMaxSize, List<String> attachmentTypes) {

    public WorkflowSettings {
        urgeInterval = urgeInterval == null ? Duration.ofHours(1) : urgeInterval;
        attachmentMaxSize = attachmentMaxSize == null ? 10L * 1024 * 1024 : attachmentMaxSize;
        attachmentTypes = attachmentTypes == null || attachmentTypes.isEmpty()
                ? List.of("pdf", "doc", "docx", "xls", "xlsx", "jpg", "jpeg", "png", "txt") : List.copyOf(attachmentTypes);
    }
}
