package cn.cadreflow.workflow.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.cadreflow.ui.UploadLimit;
import cn.cadreflow.workflow.internal.task.Signatures;

/** Binds the task-centre rules an administrator may change ({@link WorkflowSettings}). */
@Configuration
@EnableConfigurationProperties(WorkflowSettings.class)
class WorkflowConfig {

    /** Attachments are uploaded (task centre, evidence files): the container must let the largest one through. */
    @Bean
    UploadLimit attachmentUploadLimit(WorkflowSettings settings) {
        return new UploadLimit(settings.attachmentMaxBytes());
    }

    /** 我的签名: a signature image is uploaded too. */
    @Bean
    UploadLimit signatureUploadLimit() {
        return new UploadLimit(Signatures.MAX_BYTES);
    }
}
