package dev.stackdraft.account;

/** An account operation that cannot be done; the message says why to a person. */
public class AccountException extends RuntimeException {

    public AccountException(String message) {
        super(message);
    }
}
