package org.peel.platform;

/** A failure to tell the operator in plain words: the CLI prints the message, never a stack trace. */
public class PeelException extends RuntimeException {
    public PeelException(String message) {
        super(message);
    }

    public PeelException(String message, Throwable cause) {
        super(message, cause);
    }
}
