package cn.cadreflow.ui.internal;

import java.util.List;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import cn.cadreflow.ui.UploadLimit;
import jakarta.servlet.MultipartConfigElement;

/**
 * The container's side of uploads. Multipart requests are parsed (to disk, never into memory) by the servlet
 * container before Vaadin sees them; their limits follow the largest {@link UploadLimit} the modules declare, so
 * each limit stays one setting of its module. This replaces Spring Boot's {@code spring.servlet.multipart.*}
 * limits, whose 1 MB default cut every upload short. {@link UploadRequestFilter} refuses any other body sent to
 * Vaadin's upload URLs.
 */
@Configuration
class UploadConfig {

    /** Room for a multipart request's boundaries and part headers around its one file. */
    static final long FORM_OVERHEAD = 64 * 1024;

    /** Vaadin's upload URLs, as the browser sees them and as its servlet is mapped behind Spring's dispatcher. */
    static final String[] UPLOAD_URLS = {"/VAADIN/dynamic/resource/*", "/vaadinServlet/VAADIN/dynamic/resource/*"};

    @Bean
    MultipartConfigElement multipartConfigElement(List<UploadLimit> limits) {
        long largest = largest(limits);
        // file-size threshold 0: every part goes to a temporary file, whatever its size
        return new MultipartConfigElement("", largest, largest + FORM_OVERHEAD, 0);
    }

    @Bean
    FilterRegistrationBean<UploadRequestFilter> uploadRequestFilter(List<UploadLimit> limits) {
        FilterRegistrationBean<UploadRequestFilter> registration =
                new FilterRegistrationBean<>(new UploadRequestFilter(largest(limits) + FORM_OVERHEAD));
        registration.addUrlPatterns(UPLOAD_URLS);
        // before Spring Security and every other filter, so that nothing reads a refused body
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * "100 Continue" only once the application reads the body, not as soon as the headers arrive (Tomcat's
     * default): a client that asks first, as HTTP clients sending large bodies do, then learns of a refusal before
     * sending anything, instead of streaming megabytes into a connection the server closes.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> continueOnRead() {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setProperty("continueResponseTiming", "onRead"));
    }

    static long largest(List<UploadLimit> limits) {
        return limits.stream().mapToLong(UploadLimit::maxBytes).max()
                .orElseThrow(() -> new IllegalStateException("no module declares an UploadLimit"));
    }
}
