package cn.cadreflow.annualreview.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.cadreflow.ui.UploadLimit;

/** Binds {@link EvidenceImportLimits}; import files are uploaded, so the container must let the largest through. */
@Configuration
@EnableConfigurationProperties(EvidenceImportLimits.class)
class EvidenceImportConfig {

    @Bean
    UploadLimit evidenceImportUploadLimit(EvidenceImportLimits limits) {
        return new UploadLimit(limits.maxBytes());
    }
}
