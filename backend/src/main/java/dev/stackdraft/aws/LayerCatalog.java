package dev.stackdraft.aws;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.LayerVersionContentOutput;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.lambda.model.LayersListItem;

/**
 * The Lambda layers of an account and region, for the layer dropdown and {@code stackdraft layers available}:
 * {@code ListLayers}, then {@code ListLayerVersions} of each layer, every page of both. What was listed is kept for
 * a short time (a minute by default) per target, so that opening one function after another does not ask AWS each
 * time; {@link #refresh} asks again. Thread-safe.
 */
public final class LayerCatalog {

    /** How long a listing is reused unless the caller asks for a refresh. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);

    /** The most items Lambda returns per page. */
    static final int PAGE_SIZE = 50;

    /**
     * The most a layer's content may weigh, downloaded or unzipped, before {@link #files} refuses it: 250 MB,
     * Lambda's limit on a function's code and layers together, unzipped. A bigger layer cannot be used anyway.
     */
    public static final long MAX_CONTENT_BYTES = 250L * 1024 * 1024;

    /** How many layer versions' file listings are kept. */
    static final int FILE_LISTINGS_KEPT = 200;

    // Lambda writes dates like 2018-11-27T15:10:45.123+0000 (no colon in the offset)
    private static final DateTimeFormatter LAMBDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS][.SSSSSS]Z");

    private final AwsClients clients;
    private final Clock clock;
    private final Duration ttl;
    private final Map<AwsTarget, Listing> listings = new ConcurrentHashMap<>();
    private final long maxContentBytes;
    private final Map<FilesKey, List<String>> fileListings = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<FilesKey, List<String>> eldest) {
            return size() > FILE_LISTINGS_KEPT;
        }
    };

    public LayerCatalog(AwsClients clients, Clock clock, Duration ttl) {
        this(clients, clock, ttl, MAX_CONTENT_BYTES);
    }

    /** With another limit on a layer's content, for tests of the limit. */
    LayerCatalog(AwsClients clients, Clock clock, Duration ttl, long maxContentBytes) {
        this.clients = clients;
        this.clock = clock;
        this.ttl = ttl;
        this.maxContentBytes = maxContentBytes;
    }

    private record Listing(Instant at, List<Layer> layers) {}

    /**
     * Per target as well as per ARN: the content of a version never changes, but whether these credentials may read
     * it can differ from one target to another.
     */
    private record FilesKey(AwsTarget target, LayerVersionArn arn) {}

    /**
     * The layers of the target's account and region, by name, each with its versions newest first: the listing of
     * the last {@link #DEFAULT_TTL ttl} if there is one.
     *
     * @throws AwsException when AWS cannot be reached or refuses (one sentence)
     */
    public List<Layer> layers(AwsTarget target) {
        Listing listing = listings.get(target);
        if (listing != null && listing.at().plus(ttl).isAfter(clock.instant())) {
            return listing.layers();
        }
        return refresh(target);
    }

    /** Lists again, whatever is cached. */
    public List<Layer> refresh(AwsTarget target) {
        List<Layer> layers = list(target);
        listings.put(target, new Listing(clock.instant(), layers));
        return layers;
    }

    /** When the target's layers were last listed; empty when they were not, or that listing expired. */
    public Optional<Instant> listedAt(AwsTarget target) {
        Listing listing = listings.get(target);
        return listing == null || !listing.at().plus(ttl).isAfter(clock.instant())
                ? Optional.empty() : Optional.of(listing.at());
    }

    /** Forgets every listing of the target, e.g. after a layer was published. */
    public void forget(AwsTarget target) {
        listings.remove(target);
    }

    /**
     * One layer version with where its content is ({@code GetLayerVersion}), asked each time (the location is a
     * short-lived URL).
     *
     * @throws AwsException when the version does not exist, or AWS cannot be reached or refuses
     */
    public LayerContent content(AwsTarget target, LayerVersionArn arn) {
        try {
            GetLayerVersionResponse response = clients.lambda(target)
                    .getLayerVersion(r -> r.layerName(arn.layerArn()).versionNumber(arn.version()));
            LayerVersionContentOutput content = response.content();
            LayerVersion version = new LayerVersion(LayerVersionArn.parse(response.layerVersionArn()),
                    text(response.description()), response.compatibleRuntimesAsStrings(),
                    response.compatibleArchitecturesAsStrings(), date(response.createdDate()));
            return new LayerContent(version, content == null ? null : content.location(),
                    content == null ? null : content.codeSha256(),
                    content == null || content.codeSize() == null ? 0 : content.codeSize());
        } catch (software.amazon.awssdk.services.lambda.model.ResourceNotFoundException e) {
            throw new AwsException("The layer version " + arn + " does not exist in " + target.describe()
                    + " (deleted, or a typo in the name or version).", e);
        } catch (SdkException e) {
            throw AwsErrors.of("reading the layer version " + arn, "lambda:GetLayerVersion", target, e);
        }
    }

    /**
     * The paths of the files in a layer version's zip ({@code bootstrap}, {@code bin/tool}, ...; folders left out),
     * in the archive's order: {@code GetLayerVersion} gives a pre-signed URL of the zip, which is downloaded (at most
     * {@link #MAX_CONTENT_BYTES}) and read as it streams by for its entry names only. Lambda extracts a layer into
     * {@code /opt}, so {@code bootstrap} here is {@code /opt/bootstrap} in the function's environment. A version's
     * content never changes: each listing is kept (the last {@value #FILE_LISTINGS_KEPT} of them).
     *
     * @throws AwsException when the version does not exist, AWS refuses or cannot be reached, the download fails,
     *                      or the content is no zip or weighs more than Lambda accepts (one sentence each)
     */
    public List<String> files(AwsTarget target, LayerVersionArn arn) {
        FilesKey key = new FilesKey(target, arn);
        synchronized (fileListings) {
            List<String> kept = fileListings.get(key);
            if (kept != null) {
                return kept;
            }
        }
        LayerContent content = content(target, arn);
        String what = "the layer version " + arn;
        if (content.size() > maxContentBytes) {
            throw LayerZip.tooLarge(what, maxContentBytes);
        }
        List<String> names = LayerZip.names(downloadable(content.location(), what), maxContentBytes, what);
        synchronized (fileListings) {
            fileListings.put(key, names);
        }
        return names;
    }

    private static URI downloadable(@Nullable String location, String what) {
        @Nullable URI uri = null;
        try {
            uri = location == null ? null : new URI(location);
        } catch (URISyntaxException e) {
            // said below
        }
        if (uri == null || uri.getHost() == null
                || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
            // moto, for one, answers "s3://" for every layer
            throw new AwsException("Lambda gave no location to download the content of " + what + " from ("
                    + (location == null ? "none" : "'" + location + "'") + "), so its files cannot be listed.");
        }
        return uri;
    }

    private List<Layer> list(AwsTarget target) {
        LambdaClient lambda = clients.lambda(target);
        List<LayersListItem> items = new ArrayList<>();
        try {
            lambda.listLayersPaginator(r -> r.maxItems(PAGE_SIZE)).layers().forEach(items::add);
        } catch (SdkException e) {
            throw AwsErrors.of("listing the Lambda layers", "lambda:ListLayers", target, e);
        }
        List<Layer> layers = new ArrayList<>();
        for (LayersListItem item : items) {
            List<LayerVersion> versions = new ArrayList<>();
            try {
                for (LayerVersionsListItem v : lambda.listLayerVersionsPaginator(
                        r -> r.layerName(item.layerName()).maxItems(PAGE_SIZE)).layerVersions()) {
                    versions.add(new LayerVersion(LayerVersionArn.parse(v.layerVersionArn()), text(v.description()),
                            v.compatibleRuntimesAsStrings(), v.compatibleArchitecturesAsStrings(), date(v.createdDate())));
                }
            } catch (software.amazon.awssdk.services.lambda.model.ResourceNotFoundException e) {
                continue; // deleted between the two calls
            } catch (SdkException e) {
                throw AwsErrors.of("listing the versions of the layer " + item.layerName(), "lambda:ListLayerVersions",
                        target, e);
            }
            if (!versions.isEmpty()) {
                layers.add(new Layer(item.layerName(), item.layerArn(), versions));
            }
        }
        layers.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return List.copyOf(layers);
    }

    private static String text(@Nullable String text) {
        return text == null ? "" : text;
    }

    static @Nullable Instant date(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, LAMBDA_DATE).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                return null; // shown as "date unknown"; never worth failing the listing for
            }
        }
    }
}
