package org.iepservices.localinfra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.*;

class TokenIssuerTest {

    @Test
    void signsRs256TokensThatItsPublishedKeyVerifiesAndNoOtherKeyDoes() throws Exception {
        TokenIssuer issuer = TokenIssuer.generate();
        String token = issuer.token("staff-1", "provider").staffId("staff-1").name("Dana Whitfield")
                .issuedAt(Instant.parse("2026-09-14T12:00:00Z"), Duration.ofHours(1)).sign();
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);

        JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("RS256", header.get("alg").asText());
        assertEquals(TokenIssuer.ISSUER, claims.get("iss").asText());
        assertEquals("staff-1", claims.get("sub").asText());
        assertEquals(TokenIssuer.AUDIENCE, claims.get("aud").asText());
        assertEquals("provider", claims.get("groups").get(0).asText());
        assertEquals(Instant.parse("2026-09-14T13:00:00Z").getEpochSecond(), claims.get("exp").asLong());

        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        assertTrue(verify(issuer.publicKeyPem(), signed, signature), "own public key verifies");
        assertFalse(verify(TokenIssuer.generate().publicKeyPem(), signed, signature), "another key does not");
    }

    private static boolean verify(String pem, byte[] data, byte[] signature) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update(data);
        return rsa.verify(signature);
    }

    @Test
    void servicesAreToldToCheckTheAudienceTheTokensCarry() throws Exception {
        TokenIssuer issuer = TokenIssuer.generate();
        assertEquals(TokenIssuer.AUDIENCE, issuer.serviceConfig().get("mp.jwt.verify.audiences"));
        assertEquals("true", issuer.serviceConfig().get(TokenIssuer.SINGLE_DISTRICT));
        String other = issuer.token("x", "provider").audience("gradebook").sign();
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(other.split("\\.")[1]));
        assertEquals("gradebook", claims.get("aud").asText());
    }

    @Test
    void theSharedIssuerKeepsOneKeyPerJvm() {
        assertEquals(TokenIssuer.shared().publicKeyPem(), TokenIssuer.shared().publicKeyPem());
        assertNotNull(System.getProperty("iep.jwt.shared.public-key"), "another class loader finds the key here");
    }
}
