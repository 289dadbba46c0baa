package dev.stackdraft.aws;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Downloads a layer version's zip from the pre-signed URL {@code GetLayerVersion} gives and reads only the names of
 * its files, as it streams by: nothing is written to disk and no file is kept. Bounded twice by {@code maxBytes}:
 * the bytes downloaded and the bytes the entries inflate to, so that neither a huge archive nor a zip bomb costs
 * more than a layer Lambda would accept.
 */
final class LayerZip {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private LayerZip() {}

    /**
     * @param what the layer version, for messages
     * @throws AwsException when the download fails or is refused, or the content is no zip or too large
     */
    static List<String> names(URI location, long maxBytes, String what) {
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection) location.toURL().openConnection();
        } catch (IOException | IllegalArgumentException e) {
            throw new AwsException("Could not download the content of " + what + ": its location is not a URL this "
                    + "server can open (" + e.getMessage() + ").", e);
        }
        connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        connection.setReadTimeout((int) READ_TIMEOUT.toMillis());
        try {
            int status = connection.getResponseCode();
            if (status == 403) {
                throw new AwsException("Downloading the content of " + what + " was refused (HTTP 403): its pre-signed "
                        + "link lasts about ten minutes and may have expired; try again.");
            }
            if (status < 200 || status > 299) {
                throw new AwsException("Downloading the content of " + what + " failed (HTTP " + status
                        + "); try again later.");
            }
            long length = connection.getContentLengthLong();
            if (length > maxBytes) {
                throw tooLarge(what, maxBytes);
            }
            try (InputStream body = connection.getInputStream()) {
                return names(body, maxBytes, what);
            }
        } catch (IOException e) {
            throw new AwsException("Could not download the content of " + what + " (" + describe(e)
                    + "); check the network and try again.", e);
        } finally {
            connection.disconnect();
        }
    }

    /** The names of the files in a zip read from {@code in} (folders left out), in the archive's order, once each. */
    static List<String> names(InputStream in, long maxBytes, String what) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        byte[] buffer = new byte[64 * 1024];
        long inflated = 0;
        try (ZipInputStream zip = new ZipInputStream(new Bounded(in, maxBytes, what))) {
            ZipEntry entry;
            boolean any = false;
            while ((entry = zip.getNextEntry()) != null) {
                any = true;
                if (!entry.isDirectory()) {
                    names.add(normalize(entry.getName()));
                }
                // the next entry's header only comes after this one's data: inflate it, counted, to step over it
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    inflated += n;
                    if (inflated > maxBytes) {
                        throw tooLarge(what, maxBytes);
                    }
                }
            }
            if (!any) {
                throw new AwsException("The content of " + what + " is not a zip archive (or an empty one): its files "
                        + "cannot be listed.");
            }
        } catch (ZipException | IllegalArgumentException e) {
            // IllegalArgumentException: an entry name that is not UTF-8 and not flagged otherwise
            throw new AwsException("The content of " + what + " could not be read as a zip archive ("
                    + e.getMessage() + "): its files cannot be listed.", e);
        }
        return List.copyOf(new ArrayList<>(names));
    }

    /** As Lambda extracts it: {@code ./bootstrap} and {@code /bootstrap} are both {@code /opt/bootstrap}. */
    private static String normalize(String name) {
        String path = name.replace('\\', '/');
        while (path.startsWith("./") || path.startsWith("/")) {
            path = path.substring(path.startsWith("./") ? 2 : 1);
        }
        return path;
    }

    static AwsException tooLarge(String what, long maxBytes) {
        return new AwsException("The content of " + what + " is larger than " + megabytes(maxBytes) + " MB, Lambda's "
                + "limit for a function's code and layers unzipped: its files are not listed.");
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? Long.toString(bytes / (1024 * 1024))
                : String.format(java.util.Locale.ROOT, "%.2f", bytes / (1024.0 * 1024.0));
    }

    private static String describe(IOException e) {
        return switch (e) {
            case ConnectException c -> "connection refused";
            case UnknownHostException u -> "unknown host " + u.getMessage();
            case SocketTimeoutException t -> "timed out";
            default -> e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        };
    }

    /** Counts the bytes downloaded and stops past the limit, whatever the server said the length would be. */
    private static final class Bounded extends FilterInputStream {

        private final long max;
        private final String what;
        private long read;

        Bounded(InputStream in, long max, String what) {
            super(in);
            this.max = max;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > max) {
                throw tooLarge(what, max);
            }
        }
    }
}
