package cn.cadreflow.workflow.internal.task;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import cn.cadreflow.workflow.internal.WorkflowSettings;

/**
 * What an attachment must be to be stored: an accepted ending, no larger than the limit, and content
 * that really is what its ending says (a renamed program is refused). Names lose any path.
 */
final class Attachments {

    private static final byte[] PDF = "%PDF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] JPG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private static final Map<String, byte[]> MAGIC = Map.of("pdf", PDF, "png", PNG, "jpg", JPG, "jpeg", JPG,
            "docx", ZIP, "xlsx", ZIP, "doc", OLE, "xls", OLE);

    static final Map<String, String> MIME = Map.of("pdf", "application/pdf", "png", "image/png",
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "txt", "text/plain",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "doc", "application/msword", "xls", "application/vnd.ms-excel");

    private Attachments() {
    }

    /** The file's name without any directory part or control characters, at most 200 characters. */
    static String safeName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    static String ending(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The message key of what is wrong, or null when the file may be stored. */
    static String problem(String name, byte[] content, WorkflowSettings settings) {
        if (name.isEmpty() || content == null || content.length == 0) {
            return "attachment.error.empty";
        }
        String ending = ending(name);
        if (!settings.attachmentTypes().contains(ending) || !MIME.containsKey(ending)) {
            return "attachment.error.type";
        }
        if (content.length > settings.attachmentMaxBytes()) {
            return "attachment.error.size";
        }
        byte[] magic = MAGIC.get(ending);
        if (magic != null && (content.length < magic.length
                || !Arrays.equals(Arrays.copyOf(content, magic.length), magic))) {
            return "attachment.error.content";
        }
        if ("txt".equals(ending) && !StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(content),
                java.nio.CharBuffer.allocate(content.length), true).isUnderflow()) {
            return "attachment.error.content";
        }
        return null;
    }
}
