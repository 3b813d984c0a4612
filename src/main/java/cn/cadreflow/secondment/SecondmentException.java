package cn.cadreflow.secondment;

/** A refused secondment command: a message key with its arguments, shown translated. */
public class SecondmentException extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    public SecondmentException(String key, Object... args) {
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
