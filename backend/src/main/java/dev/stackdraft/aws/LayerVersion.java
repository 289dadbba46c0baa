package dev.stackdraft.aws;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One version of a layer in an account, as Lambda lists it.
 *
 * @param runtimes      the compatible runtimes it declares ({@code python3.12}, {@code provided.al2023} ...); empty:
 *                      none declared
 * @param architectures the compatible architectures it declares ({@code x86_64}, {@code arm64}); empty: none declared
 * @param created       when it was published; null when Lambda's date could not be read
 */
public record LayerVersion(LayerVersionArn arn, String description, List<String> runtimes,
                           List<String> architectures, @Nullable Instant created) {

    public LayerVersion {
        runtimes = List.copyOf(runtimes);
        architectures = List.copyOf(architectures);
    }

    public long version() {
        return arn.version();
    }

    /** Whether it fits a function with this runtime (null: not known, e.g. an image function) and architectures. */
    public LayerFit fit(@Nullable String runtime, List<String> functionArchitectures) {
        return LayerFit.of(this, runtime, functionArchitectures);
    }
}
