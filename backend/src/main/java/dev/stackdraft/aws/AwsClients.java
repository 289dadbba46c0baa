package dev.stackdraft.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The SDK clients for each {@link AwsTarget}, made once and kept: an assumed role's session credentials are
 * refreshed by its provider before they expire, which only works if the provider lives on. One HTTP client (the
 * JDK's URL connection) serves them all. Throttling and passing network failures are retried by the SDK's standard
 * AWS retry strategy with exponential back-off (with jitter).
 */
public final class AwsClients implements AutoCloseable {

    /** What a role session is called in CloudTrail. */
    static final String SESSION_NAME = "stackdraft";

    private final AwsCredentialsProvider ownCredentials;
    private final RetryStrategy retries;
    private final Duration callTimeout;
    private final SdkHttpClient http;
    private final Map<AwsTarget, Clients> clients = new ConcurrentHashMap<>();

    AwsClients(AwsCredentialsProvider ownCredentials, int maxAttempts, Duration baseDelay, Duration connectTimeout,
               Duration callTimeout) {
        this.ownCredentials = ownCredentials;
        this.retries = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(BackoffStrategy.exponentialDelay(baseDelay, Duration.ofSeconds(5)))
                // throttling waits at least half its delay: a burst of callers spreads out instead of retrying at once
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelayHalfJitter(baseDelay.multipliedBy(5),
                        Duration.ofSeconds(20)))
                .build();
        this.callTimeout = callTimeout;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(connectTimeout)
                .socketTimeout(callTimeout)
                .build();
    }

    /**
     * The SDK's default credential chain and settings; up to 5 attempts per call (throttling waits from about
     * 0.5 s, doubling, at most 20 s), 3 s to connect, 30 s per call in all.
     */
    public static AwsClients standard() {
        return new AwsClients(DefaultCredentialsProvider.builder().build(), 5, Duration.ofMillis(100),
                Duration.ofSeconds(3), Duration.ofSeconds(30));
    }

    LambdaClient lambda(AwsTarget target) {
        return clientsFor(target).lambda();
    }

    StsClient sts(AwsTarget target) {
        return clientsFor(target).sts();
    }

    /** Forgets the clients of {@code target} (its assumed session included), e.g. after its account was unlinked. */
    public void forget(AwsTarget target) {
        Clients removed = clients.remove(target);
        if (removed != null) {
            removed.close();
        }
    }

    @Override
    public void close() {
        clients.values().forEach(Clients::close);
        clients.clear();
        http.close();
    }

    private Clients clientsFor(AwsTarget target) {
        return clients.computeIfAbsent(target, this::create);
    }

    private Clients create(AwsTarget target) {
        // the role is assumed with the own credentials, through STS in the target's region (and endpoint)
        StsClient ownSts = configure(StsClient.builder(), target, ownCredentials).build();
        AwsCredentialsProvider credentials = ownCredentials;
        @Nullable StsAssumeRoleCredentialsProvider assumed = null;
        RoleToAssume role = target.role();
        if (role != null) {
            assumed = StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(ownSts)
                    .asyncCredentialUpdateEnabled(false)
                    .refreshRequest(r -> {
                        r.roleArn(role.roleArn()).roleSessionName(SESSION_NAME);
                        if (role.externalId() != null) {
                            r.externalId(role.externalId());
                        }
                    })
                    .build();
            credentials = assumed;
        }
        StsClient sts = role == null ? ownSts : configure(StsClient.builder(), target, credentials).build();
        LambdaClient lambda = configure(LambdaClient.builder(), target, credentials).build();
        return new Clients(lambda, sts, ownSts, assumed);
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, AwsTarget target, AwsCredentialsProvider credentials) {
        builder.region(Region.of(target.region()))
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(c -> c.retryStrategy(retries).apiCallTimeout(callTimeout));
        URI endpoint = target.endpoint();
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    private record Clients(LambdaClient lambda, StsClient sts, StsClient ownSts,
                           @Nullable StsAssumeRoleCredentialsProvider assumed) {

        void close() {
            quietly(lambda);
            if (sts != ownSts) {
                quietly(sts);
            }
            if (assumed != null) {
                quietly(assumed);
            }
            quietly(ownSts);
        }

        /** Closing only frees connections and threads; a failure there changes nothing for the caller. */
        private static void quietly(AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // nothing to do
            }
        }
    }
}
