package cn.cadreflow.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * An upload of one file of at most {@code maxBytes}. The browser refuses a larger file before sending it; the
 * server reads at most one byte more than the limit, so a larger body sent by other means is dropped without
 * being held. Either way the user is told in their language that the file is too big, and the receiver never
 * sees it. The container's multipart limits follow the largest {@link UploadLimit}, and request bodies that are
 * not multipart never reach an upload (both in {@code ui.internal.UploadConfig}).
 */
public class BoundedUpload extends Upload {

    /** Receives a file within the limit, in the UI's session. */
    @FunctionalInterface
    public interface OnFile extends Serializable {
        void received(String fileName, byte[] content);
    }

    private final long maxBytes;

    public BoundedUpload(long maxBytes, OnFile onFile) {
        this.maxBytes = maxBytes;
        setUploadHandler(new LimitedHandler(maxBytes, onFile, this));
        setMaxFiles(1);
        setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        // every text the browser's upload draws: one left out and it fails to draw at all
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("upload.dropOne"))
                .setMany(getTranslation("upload.dropMany")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("upload.addOne"))
                .setMany(getTranslation("upload.addMany")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(getTranslation("upload.tooMany"))
                .setFileIsTooBig(tooBigText()).setIncorrectFileType(getTranslation("upload.wrongType")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(getTranslation("upload.connecting"))
                        .setStalled(getTranslation("upload.stalled")).setProcessing(getTranslation("upload.processing"))
                        .setHeld(getTranslation("upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(getTranslation("upload.remaining"))
                        .setUnknown(getTranslation("upload.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setForbidden(getTranslation("upload.refused", megabytes()))
                        .setServerUnavailable(getTranslation("upload.failed"))
                        .setUnexpectedServerError(getTranslation("upload.failed"))));
        i18n.setUnits(new UploadI18N.Units(java.util.List.of("B", "kB", "MB", "GB", "TB")));
        i18n.setFile(new UploadI18N.File().setRetry(getTranslation("upload.retry"))
                .setStart(getTranslation("upload.start")).setRemove(getTranslation("upload.remove")));
        setI18n(i18n);
        addFileRejectedListener(e -> Notices.error(e.getErrorMessage()));
    }

    public long maxBytes() {
        return maxBytes;
    }

    private String tooBigText() {
        return getTranslation("upload.tooBig", megabytes());
    }

    private double megabytes() {
        return maxBytes / (1024.0 * 1024.0);
    }

    private void refuseTooBig() {
        Notices.error(tooBigText());
    }

    /**
     * Reads a file into memory up to the limit; one byte more and the file is refused (HTTP 413 to the browser,
     * a message to the user, nothing to the receiver).
     */
    private static final class LimitedHandler implements UploadHandler {

        /** Set while the current request's file was refused, so the response says so. */
        private static final ThreadLocal<Boolean> REFUSED = new ThreadLocal<>();

        private final long maxBytes;
        private final OnFile onFile;
        private final BoundedUpload upload;

        LimitedHandler(long maxBytes, OnFile onFile, BoundedUpload upload) {
            this.maxBytes = maxBytes;
            this.onFile = onFile;
            this.upload = upload;
        }

        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            byte[] content;
            try (InputStream in = event.getInputStream()) {
                content = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            }
            UI ui = event.getUI();
            if (content.length > maxBytes) {
                REFUSED.set(Boolean.TRUE);
                ui.access(upload::refuseTooBig);
            } else {
                String fileName = event.getFileName();
                ui.access(() -> onFile.received(fileName, content));
            }
        }

        @Override
        public void responseHandled(boolean success, VaadinResponse response) {
            boolean refused = Boolean.TRUE.equals(REFUSED.get());
            REFUSED.remove();
            if (refused) {
                response.setStatus(HttpStatusCode.REQUEST_ENTITY_TOO_LARGE.getCode());
            } else {
                UploadHandler.super.responseHandled(success, response);
            }
        }

        @Override
        public long getFileCountMax() {
            return 1;
        }
    }
}
