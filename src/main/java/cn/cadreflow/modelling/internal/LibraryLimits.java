package cn.cadreflow.modelling.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The largest model file an administrator may upload ({@code cadreflow.library.max-file-kb}, 2048 by default),
 * the same setting the deployment guard reads.
 */
@ConfigurationProperties("cadreflow.library")
public record LibraryLimits(Long maxFileKb) {

    public long maxBytes() {
        return (maxFileKb == null ? 2048 : maxFileKb) * 1024;
    }
}
