package cn.cadreflow.trainingplan.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.cadreflow.trainingplan.CourseCatalogue;
import cn.cadreflow.ui.UploadLimit;

/** The catalogue import's file limit, so the container's multipart limits never cut it short. */
@Configuration
class CatalogueConfig {

    @Bean
    UploadLimit catalogueUploadLimit() {
        return new UploadLimit(CourseCatalogue.FILE_MAX);
    }
}
