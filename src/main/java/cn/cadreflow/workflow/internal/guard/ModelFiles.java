package cn.cadreflow.workflow.internal.guard;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Pattern;

/** The kinds of model file and how an upload's bytes are read without reading more than the limit. */
public final class ModelFiles {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** A model file's kind, by its name's ending. */
    public enum Kind { BPMN, DMN, FORM }

    private ModelFiles() {
    }

    /** The kind of a file name, or null when the name or its ending is not allowed. */
    public static Kind kind(String fileName) {
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            return null;
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".bpmn")) {
            return Kind.BPMN;
        }
        if (lower.endsWith(".dmn")) {
            return Kind.DMN;
        }
        return lower.endsWith(".form") ? Kind.FORM : null;
    }

    /** At most {@code limit} bytes of the stream, or null when it holds more. */
    public static byte[] readAtMost(InputStream in, long limit) throws IOException {
        byte[] head = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        return head.length > limit ? null : head;
    }
}
