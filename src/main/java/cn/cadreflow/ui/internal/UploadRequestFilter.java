package cn.cadreflow.ui.internal;

import java.io.IOException;
import java.util.Locale;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * In front of Vaadin's upload URLs: an upload is what the upload component sends, a {@code multipart/form-data}
 * POST within the multipart limit. Vaadin hands any other body to the upload's handler as a file (a raw 40 MB
 * POST was once accepted that way), so a body of another type is refused with 415 and a declared length over the
 * limit with 413, before anything reads it. Downloads (GET, HEAD) from the same URLs pass.
 */
class UploadRequestFilter extends OncePerRequestFilter {

    private final long maxRequestBytes;

    UploadRequestFilter(long maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            chain.doFilter(request, response);
            return;
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        if (request.getContentLengthLong() > maxRequestBytes) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
