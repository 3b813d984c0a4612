package cn.cadreflow.workflow;

import java.util.List;

/** A problem with one field (or with the whole form when field is null), as a message key and arguments. */
public record FormError(String field, String messageKey, List<Object> args) {

    public static FormError of(String field, String messageKey, Object... args) {
        return new FormError(field, messageKey, List.of(args));
    }
}
