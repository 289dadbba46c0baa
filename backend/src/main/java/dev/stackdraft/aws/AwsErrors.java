package dev.stackdraft.aws;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what the SDK throws into one {@link AwsException} sentence: what failed, for which account and region,
 * and what to do. The SDK's own message is kept short (its first sentence) and the cause kept for logs.
 */
final class AwsErrors {

    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "AuthorizationError", "NotAuthorized");
    private static final Set<String> BAD_CREDENTIALS = Set.of("UnrecognizedClientException", "InvalidClientTokenId",
            "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException", "InvalidAccessKeyId",
            "IncompleteSignature", "MissingAuthenticationToken");
    private static final Set<String> THROTTLED = Set.of("TooManyRequestsException", "ThrottlingException", "Throttling",
            "RequestLimitExceeded", "SlowDown");

    private AwsErrors() {}

    /**
     * @param what   what was being done, e.g. {@code listing the Lambda layers} or {@code lambda:ListLayers}
     * @param action the IAM action it needs, for the advice, e.g. {@code lambda:ListLayers}
     */
    static AwsException of(String what, String action, AwsTarget target, SdkException e) {
        String where = target.describe();
        // a failed AssumeRole may reach us wrapped, as the reason credentials could not be loaded
        @Nullable AwsServiceException wrapped = serviceCause(e);
        if (wrapped != null && isAssumeRoleFailure(wrapped)) {
            e = wrapped;
        }
        if (e instanceof AwsServiceException service) {
            String code = code(service);
            int status = service.statusCode();
            String detail = code + (shortMessage(service) == null ? "" : ": " + shortMessage(service));
            if (target.role() != null && isAssumeRoleFailure(e)) {
                return new AwsException("Could not assume the role " + target.role().roleArn() + " for " + what
                        + " (" + where + "): " + detail + ". Check that the role's trust policy allows Stackdraft's "
                        + "principal and that the external id matches.", e);
            }
            if (DENIED.contains(code) || (status == 403 && !BAD_CREDENTIALS.contains(code))) {
                return new AwsException("Access denied " + what + " in " + where + " (" + detail + "); allow "
                        + action + " to " + (target.role() == null ? "these credentials" : "the role") + ".", e);
            }
            if (BAD_CREDENTIALS.contains(code)) {
                return new AwsException("AWS did not accept the credentials " + what + " in " + where + " (" + detail
                        + "); check AWS_PROFILE or the access keys, or sign in again.", e);
            }
            if (THROTTLED.contains(code) || status == 429) {
                return new AwsException("AWS kept throttling " + what + " in " + where + " after several retries ("
                        + detail + "); try again in a minute.", e);
            }
            return new AwsException("AWS refused " + what + " in " + where + " (" + detail + ").", e);
        }
        if (e instanceof ApiCallTimeoutException) {
            return new AwsException("AWS did not answer in time " + what + " in " + where
                    + "; check the network and the region, then try again.", e);
        }
        if (e instanceof SdkClientException && isCredentialsMissing(e)) {
            return new AwsException("No AWS credentials found " + what + " in " + where + "; set AWS_PROFILE or "
                    + "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or link the account with a role to assume.", e);
        }
        @Nullable IOException io = ioCause(e);
        if (io != null) {
            return new AwsException("Could not reach AWS " + what + " in " + where + " (" + describe(io)
                    + "); check the network, the region and AWS_ENDPOINT_URL if it is set.", e);
        }
        return new AwsException("Failed " + what + " in " + where + ": " + firstSentence(e.getMessage()), e);
    }

    /** Whether AWS refused the call for want of a permission (not for bad credentials, throttling or an outage). */
    static boolean denied(SdkException e) {
        AwsServiceException service = serviceCause(e);
        return service != null && (DENIED.contains(code(service))
                || service.statusCode() == 403 && !BAD_CREDENTIALS.contains(code(service)));
    }

    static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode();
    }

    private static @Nullable String shortMessage(AwsServiceException e) {
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return message == null || message.isBlank() ? null : firstSentence(message);
    }

    private static boolean isAssumeRoleFailure(SdkException e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().contains("StsAssumeRoleCredentialsProvider")
                    || frame.getMethodName().equals("assumeRole")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCredentialsMissing(SdkException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("unable to load credentials");
    }

    private static @Nullable AwsServiceException serviceCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException service) {
                return service;
            }
        }
        return null;
    }

    private static @Nullable IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static String describe(IOException io) {
        return switch (io) {
            case ConnectException c -> "connection refused";
            case UnknownHostException u -> "unknown host " + u.getMessage();
            case SocketTimeoutException t -> "timed out";
            default -> io.getClass().getSimpleName() + (io.getMessage() == null ? "" : ": " + io.getMessage());
        };
    }

    static String firstSentence(@Nullable String message) {
        if (message == null || message.isBlank()) {
            return "no message";
        }
        String line = message.strip().lines().findFirst().orElse("");
        int stop = line.indexOf(". ");
        String sentence = stop > 0 ? line.substring(0, stop) : line;
        if (sentence.endsWith(".")) {
            sentence = sentence.substring(0, sentence.length() - 1);
        }
        return sentence.length() > 300 ? sentence.substring(0, 300) + "…" : sentence;
    }
}
