package dev.stackdraft.account;

/**
 * The token encryption key is missing, malformed or not the one a stored token was encrypted with. The message
 * names the setting or the file, never a key or a token.
 */
public class TokenCipherException extends RuntimeException {

    public TokenCipherException(String message) {
        super(message);
    }

    public TokenCipherException(String message, Throwable cause) {
        super(message, cause);
    }
}
