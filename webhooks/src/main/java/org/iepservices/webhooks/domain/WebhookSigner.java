package org.iepservices.webhooks.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Signatures as the Standard Webhooks specification defines them (https://www.standardwebhooks.com):
 * {@code webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">}, keyed with
 * the bytes of the secret {@code whsec_<base64>}. Several signatures are separated by spaces (a secret being
 * rotated signs alongside its successor). The receiver recomputes the HMAC over the exact body bytes, compares
 * in constant time and refuses a timestamp outside its tolerance, which defeats replays.
 */
public final class WebhookSigner {

    public static final String SECRET_PREFIX = "whsec_";
    public static final String VERSION = "v1";
    /** The tolerance the spec recommends to receivers. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSigner() {
    }

    /** A new secret: 32 random bytes, base64, prefixed {@code whsec_}. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** {@code v1,<base64>} for one secret. */
    public static String sign(String secret, String id, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return VERSION + "," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The header value for every secret given (the current one first), space-separated. */
    public static String signatureHeader(List<String> secrets, String id, long timestampSeconds, String body) {
        List<String> parts = new ArrayList<>();
        for (String secret : secrets) {
            parts.add(sign(secret, id, timestampSeconds, body));
        }
        return String.join(" ", parts);
    }

    /**
     * What a receiver does: true when the timestamp is within {@code tolerance} of {@code now} and one of the
     * header's {@code v1} signatures matches (constant-time comparison).
     */
    public static boolean verify(String secret, String id, String timestamp, String body, String signatureHeader,
                                 Instant now, Duration tolerance) {
        if (secret == null || id == null || timestamp == null || body == null || signatureHeader == null) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - ts) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, id, ts, body).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String candidate : signatureHeader.trim().split(" +")) {
            // No early exit: every candidate is compared, in constant time each.
            match |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}
