package dev.stackdraft.runtime;

import java.util.List;

/**
 * The files of a layer version in an AWS account, as {@code LayerCatalog.files} lists them for the selected
 * environment's account: paths inside the layer's zip, which Lambda extracts into {@code /opt}.
 */
@FunctionalInterface
public interface LayerFiles {

    /**
     * @param layerVersionArn a checked layer version ARN
     * @throws dev.stackdraft.aws.AwsException when the layer cannot be read (its sentence says why)
     */
    List<String> files(String layerVersionArn);
}
