package cn.cadreflow.annualreview;

import java.util.List;

/** A refused appraisal operation: a message key with its arguments, and per-row problems of an import. */
public class AppraisalException extends RuntimeException {

    private final String key;
    private final transient Object[] args;
    private final List<RowError> rows;

    public AppraisalException(String key, Object... args) {
        this(key, List.of(), args);
    }

    public AppraisalException(String key, List<RowError> rows, Object... args) {
        super(key);
        this.key = key;
        this.args = args;
        this.rows = List.copyOf(rows);
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<RowError> rows() {
        return rows;
    }

    /** A bad line of an imported file: its 1-based line number and why, as a message key with arguments. */
    public record RowError(int line, String key, List<Object> args) {
        public static RowError of(int line, String key, Object... args) {
            return new RowError(line, key, List.of(args));
        }
    }
}
