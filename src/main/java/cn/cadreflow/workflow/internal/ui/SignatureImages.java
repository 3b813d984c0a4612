package cn.cadreflow.workflow.internal.ui;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import cn.cadreflow.workflow.TimelineEntry;
import cn.cadreflow.workflow.internal.task.Signatures;

/**
 * The signature images of a request's signed decisions, for a step list or an 审批单 the viewer was already allowed
 * to read: each image is served through a handler bound to that view in the viewer's session, so no other user (and
 * no address typed by hand) reaches it.
 */
final class SignatureImages {

    private final Signatures signatures;

    SignatureImages(Signatures signatures) {
        this.signatures = signatures;
    }

    /** The timeline's decisions made with 附签名, as {@code taskId/username}, with the image each carries. */
    Map<String, Long> signed(List<TimelineEntry> timeline) {
        return signatures.signed(timeline.stream().map(TimelineEntry::taskId).toList());
    }

    /** A signed decision's signature as it was when signed, whatever the user's signature is now. */
    Optional<Image> image(long signature) {
        return signatures.signedImage(signature).map(SignatureImages::image);
    }

    static Image image(Signatures.Signature s) {
        byte[] bytes = s.content();
        String name = "signature." + (s.contentType().endsWith("png") ? "png" : "jpg");
        Image img = new Image(DownloadHandler.fromInputStream(e -> new DownloadResponse(
                new ByteArrayInputStream(bytes), name, s.contentType(), bytes.length)).inline(), "");
        img.getElement().setAttribute("alt", img.getTranslation("signature.alt"));
        img.addClassName("signature-image");
        img.setHeight("2.5em");
        return img;
    }
}
