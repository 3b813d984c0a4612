package cn.cadreflow.org;

/** A refused change to the organisation's reference data: a message key with its arguments, shown translated. */
public class OrgException extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    public OrgException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
