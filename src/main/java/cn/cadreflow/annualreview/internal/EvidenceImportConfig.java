package cn.cadreflow.annualreview.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link EvidenceImportLimits}. */
@Configuration
@EnableConfigurationProperties(EvidenceImportLimits.class)
class EvidenceImportConfig {
}
