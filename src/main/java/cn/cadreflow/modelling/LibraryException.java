package cn.cadreflow.modelling;

/** A refusal the user reads: a message key. An id out of reach and an id that does not exist read the same. */
public class LibraryException extends RuntimeException {

    private final String messageKey;

    public LibraryException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
