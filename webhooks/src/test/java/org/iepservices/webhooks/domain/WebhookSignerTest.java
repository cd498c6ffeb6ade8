package org.iepservices.webhooks.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class WebhookSignerTest {

    // The Standard Webhooks reference test vector (also in the svix libraries' tests).
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsTheKnownVector() {
        assertEquals(EXPECTED, WebhookSigner.sign(SECRET, ID, TIMESTAMP, BODY));
    }

    @Test
    void verifiesWithinToleranceOnly() {
        Instant at = Instant.ofEpochSecond(TIMESTAMP);
        Duration tolerance = WebhookSigner.DEFAULT_TOLERANCE;
        assertTrue(WebhookSigner.verify(SECRET, ID, "1614265330", BODY, EXPECTED, at.plusSeconds(299), tolerance));
        // A replay six minutes later is refused even with a valid signature.
        assertFalse(WebhookSigner.verify(SECRET, ID, "1614265330", BODY, EXPECTED, at.plusSeconds(360), tolerance));
        assertFalse(WebhookSigner.verify(SECRET, ID, "1614265330", BODY, EXPECTED, at.minusSeconds(360), tolerance));
    }

    @Test
    void anyChangeBreaksTheSignature() {
        Instant at = Instant.ofEpochSecond(TIMESTAMP);
        Duration t = WebhookSigner.DEFAULT_TOLERANCE;
        assertFalse(WebhookSigner.verify(SECRET, ID, "1614265330", BODY + " ", EXPECTED, at, t), "body");
        assertFalse(WebhookSigner.verify(SECRET, "msg_other", "1614265330", BODY, EXPECTED, at, t), "id");
        assertFalse(WebhookSigner.verify(SECRET, ID, "1614265331", BODY, EXPECTED, at, t), "timestamp");
        assertFalse(WebhookSigner.verify(WebhookSigner.newSecret(), ID, "1614265330", BODY, EXPECTED, at, t), "secret");
        assertFalse(WebhookSigner.verify(SECRET, ID, "not-a-number", BODY, EXPECTED, at, t), "bad timestamp");
    }

    @Test
    void aRotatedSecretSignsAlongsideTheNewOne() {
        String next = WebhookSigner.newSecret();
        String header = WebhookSigner.signatureHeader(List.of(next, SECRET), ID, TIMESTAMP, BODY);
        assertTrue(header.startsWith("v1,") && header.contains(" " + EXPECTED), header);
        Instant at = Instant.ofEpochSecond(TIMESTAMP);
        assertTrue(WebhookSigner.verify(SECRET, ID, "1614265330", BODY, header, at, Duration.ofMinutes(5)));
        assertTrue(WebhookSigner.verify(next, ID, "1614265330", BODY, header, at, Duration.ofMinutes(5)));
    }

    @Test
    void newSecretsAreStandardWebhooksSecrets() {
        String secret = WebhookSigner.newSecret();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, java.util.Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(secret, WebhookSigner.newSecret());
    }
}
