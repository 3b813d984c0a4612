package cn.cadreflow.modelling.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.cadreflow.ui.UploadLimit;

/** Binds {@link LibraryLimits}; model files are uploaded, so the container must let the largest through. */
@Configuration
@EnableConfigurationProperties(LibraryLimits.class)
class LibraryConfig {

    @Bean
    UploadLimit libraryUploadLimit(LibraryLimits limits) {
        return new UploadLimit(limits.maxBytes());
    }
}
