package dev.stackdraft.aws;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A layer in an account and region with all its versions, newest first.
 *
 * @param name     the layer's name
 * @param layerArn its ARN without a version
 */
public record Layer(String name, String layerArn, List<LayerVersion> versions) {

    public Layer {
        versions = versions.stream().sorted(Comparator.comparingLong(LayerVersion::version).reversed()).toList();
    }

    /** The newest version; empty only for a layer whose versions were all deleted meanwhile. */
    public Optional<LayerVersion> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getFirst());
    }

    /** The version {@code version}, if it still exists. */
    public Optional<LayerVersion> version(long version) {
        return versions.stream().filter(v -> v.version() == version).findFirst();
    }

    /**
     * The newest version, when it is newer than {@code used} ("newer version available"); empty when {@code used} is
     * another layer or already the newest.
     */
    public Optional<LayerVersion> newerThan(LayerVersionArn used) {
        if (!used.layerArn().equals(layerArn)) {
            return Optional.empty();
        }
        return latest().filter(v -> v.version() > used.version());
    }

    /** The newest version that fits the function; empty when none does. */
    public Optional<LayerVersion> newestFitting(@Nullable String runtime, List<String> architectures) {
        return versions.stream().filter(v -> v.fit(runtime, architectures).fits()).findFirst();
    }
}
