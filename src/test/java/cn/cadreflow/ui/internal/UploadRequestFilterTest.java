package cn.cadreflow.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** What reaches Vaadin's upload URLs: multipart uploads within the limit, and downloads. */
class UploadRequestFilterTest {

    static final String URL = "/VAADIN/dynamic/resource/0/9e1c3f0a-7d2b-4c51-a1f6-2b8d9e0c4f11/upload";

    final UploadRequestFilter filter = new UploadRequestFilter(1000);

    /** The status, or 0 when the request went on to Vaadin. */
    int status(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return chain.getRequest() == null ? response.getStatus() : 0;
    }

    static MockHttpServletRequest post(String contentType, int length) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", URL);
        if (contentType != null) {
            request.setContentType(contentType);
        }
        request.setContent(new byte[length]);
        return request;
    }

    @Test
    void aMultipartUploadWithinTheLimitGoesOn() throws Exception {
        assertThat(status(post("multipart/form-data; boundary=----x", 1000))).isZero();
        assertThat(status(post("Multipart/Form-Data; boundary=----x", 10))).isZero();
    }

    @Test
    void downloadsGoOn() throws Exception {
        assertThat(status(new MockHttpServletRequest("GET", URL))).isZero();
        assertThat(status(new MockHttpServletRequest("HEAD", URL))).isZero();
    }

    @Test
    void anyOtherBodyIsRefusedUnread() throws Exception {
        assertThat(status(post("application/pdf", 10))).isEqualTo(415);
        assertThat(status(post("application/x-www-form-urlencoded", 10))).isEqualTo(415);
        assertThat(status(post(null, 10))).isEqualTo(415);
        MockHttpServletRequest put = post("text/plain", 10);
        put.setMethod("PUT");
        assertThat(status(put)).isEqualTo(415);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedUnread() throws Exception {
        assertThat(status(post("multipart/form-data; boundary=----x", 1001))).isEqualTo(413);
    }
}
