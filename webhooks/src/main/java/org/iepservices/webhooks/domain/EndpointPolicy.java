package org.iepservices.webhooks.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Which URLs a subscription may point at. In production: absolute {@code https} URLs whose host resolves only to
 * public addresses, so a district admin cannot make this service call into its own network (server-side request
 * forgery: the database, the metadata endpoint 169.254.169.254, a pod's sidecar). With
 * {@code allowLocalEndpoints} (tests, local runs) {@code http} and loopback/private addresses are accepted too.
 * The address check runs again before every delivery, since a name may resolve differently later.
 */
public final class EndpointPolicy {

    /** One reason a URL is refused; {@code field} names the request field. */
    public record Refusal(String field, String message) {
    }

    public static final int MAX_URL_LENGTH = 2000;

    private final boolean allowLocalEndpoints;
    private final Function<String, InetAddress[]> resolver;

    public EndpointPolicy(boolean allowLocalEndpoints) {
        this(allowLocalEndpoints, EndpointPolicy::resolve);
    }

    /** With a resolver of our own (tests: no DNS). */
    public EndpointPolicy(boolean allowLocalEndpoints, Function<String, InetAddress[]> resolver) {
        this.allowLocalEndpoints = allowLocalEndpoints;
        this.resolver = resolver;
    }

    public boolean allowsLocalEndpoints() {
        return allowLocalEndpoints;
    }

    /** Empty when {@code url} may be subscribed; else why not. */
    public List<Refusal> check(String url) {
        List<Refusal> refusals = new ArrayList<>();
        if (url == null || url.isBlank()) {
            refusals.add(new Refusal("url", "required: the https URL deliveries are POSTed to"));
            return refusals;
        }
        if (url.length() > MAX_URL_LENGTH) {
            refusals.add(new Refusal("url", "at most " + MAX_URL_LENGTH + " characters"));
            return refusals;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            refusals.add(new Refusal("url", "not a URL: " + e.getReason()));
            return refusals;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null) {
            refusals.add(new Refusal("url", "must be an absolute URL with a host, e.g. https://sis.district.org/hooks"));
            return refusals;
        }
        if (!scheme.equals("https") && !(allowLocalEndpoints && scheme.equals("http"))) {
            refusals.add(new Refusal("url", "must use https" + (allowLocalEndpoints ? " or http" : "")
                    + "; was " + (scheme.isEmpty() ? "no scheme" : scheme)));
        }
        if (uri.getUserInfo() != null) {
            refusals.add(new Refusal("url", "must not carry credentials (user:password@); authenticate deliveries by their signature"));
        }
        if (uri.getFragment() != null) {
            refusals.add(new Refusal("url", "must not have a #fragment"));
        }
        if (refusals.isEmpty()) {
            refusals.addAll(checkHost(uri.getHost()));
        }
        return refusals;
    }

    /** The address check alone (before each delivery): empty when every address of {@code host} is allowed. */
    public List<Refusal> checkHost(String host) {
        InetAddress[] addresses = resolver.apply(host);
        if (addresses == null || addresses.length == 0) {
            return List.of(new Refusal("url", "the host " + host + " does not resolve"));
        }
        if (allowLocalEndpoints) {
            return List.of();
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return List.of(new Refusal("url", "the host " + host + " resolves to " + address.getHostAddress()
                        + ", a loopback, private, link-local or otherwise internal address; only public addresses may receive webhooks"));
            }
        }
        return List.of();
    }

    /** False for loopback, unspecified, private (RFC 1918, fc00::/7), link-local, CGNAT, multicast and reserved ranges. */
    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0 // this network
                    || first == 10 || first == 127
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 169 && second == 254) // link-local, cloud metadata
                    || (first == 172 && second >= 16 && second <= 31)
                    || (first == 192 && second == 168)
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 224); // multicast, reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
                return false;
            }
            // IPv4-mapped ::ffff:a.b.c.d: judge the IPv4 address
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static InetAddress[] resolve(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    }
}
