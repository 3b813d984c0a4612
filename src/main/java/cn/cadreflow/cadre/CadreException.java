package cn.cadreflow.cadre;

/** A refused operation on cadres: a message key with its arguments, the user's words for it. */
public class CadreException extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    public CadreException(String key, Object... args) {
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
