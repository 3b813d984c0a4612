package cn.cadreflow.workflow.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the task-centre rules an administrator may change ({@link WorkflowSettings}). */
@Configuration
@EnableConfigurationProperties(WorkflowSettings.class)
class WorkflowConfig {
}
