package cn.cadreflow.ui;

/**
 * The largest file one kind of upload accepts, in bytes: a module declares one bean per limit it reads from its
 * settings. The servlet's multipart limits follow the largest of them, so no configured limit is cut short by
 * the container and nothing larger is ever parsed.
 */
public record UploadLimit(long maxBytes) {

    public UploadLimit {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("an upload limit is a positive number of bytes: " + maxBytes);
        }
    }
}
