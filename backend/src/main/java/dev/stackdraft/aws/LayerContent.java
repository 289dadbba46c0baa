package dev.stackdraft.aws;

import org.jspecify.annotations.Nullable;

/**
 * Where a layer version's content can be downloaded ({@code GetLayerVersion}), for the custom-runtime check that
 * looks for a {@code bootstrap} file in it.
 *
 * @param location a pre-signed URL, valid for about ten minutes; null when Lambda gave none
 * @param sha256   the SHA-256 of the zip, base64; null when not given
 * @param size     the zip's size in bytes; 0 when not given
 */
public record LayerContent(LayerVersion version, @Nullable String location, @Nullable String sha256, long size) {}
