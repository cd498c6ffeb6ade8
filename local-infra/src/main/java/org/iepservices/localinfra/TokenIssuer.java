package org.iepservices.localinfra;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in identity provider for the local run and the tests: an RSA key pair generated at
 * start and RS256 bearer tokens signed with it. The services verify them exactly as they verify
 * a district's Keycloak, Entra ID or Google tokens (issuer + public key are configuration); only
 * the private key stays here. JDK crypto only, so nothing else is needed to mint a token.
 */
public final class TokenIssuer {

    /** The issuer ({@code iss}) of every local token; {@code mp.jwt.verify.issuer} of the services. */
    public static final String ISSUER = "https://iep-services.local/issuer";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TokenIssuer shared;

    private final KeyPair keys;
    private final String keyId = UUID.randomUUID().toString();

    private TokenIssuer(KeyPair keys) {
        this.keys = keys;
    }

    public static TokenIssuer generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TokenIssuer(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this JVM", e);
        }
    }

    /** One issuer per JVM for test suites: the services under test and the tests share its key. */
    public static synchronized TokenIssuer shared() {
        if (shared == null) {
            shared = generate();
        }
        return shared;
    }

    /** The public key as PEM (SubjectPublicKeyInfo), for {@code mp.jwt.verify.publickey}. */
    public String publicKeyPem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    /** The Quarkus settings that make a service trust this issuer's tokens. */
    public Map<String, String> serviceConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mp.jwt.verify.issuer", ISSUER);
        config.put("mp.jwt.verify.publickey", publicKeyPem());
        return config;
    }

    /** Starts a token for {@code subject} with the given role (MP-JWT {@code groups}). */
    public Builder token(String subject, String role) {
        return new Builder(subject, role);
    }

    public final class Builder {
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofHours(8);

        private Builder(String subject, String role) {
            claims.put("iss", ISSUER);
            claims.put("sub", subject);
            claims.put("upn", subject);
            claims.put("groups", List.of(role));
        }

        public Builder claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public Builder name(String name) {
            return claim("name", name);
        }

        /** Already expired tokens are useful to show that they are refused. */
        public Builder issuedAt(Instant at, Duration lifetime) {
            this.issuedAt = at;
            this.lifetime = lifetime;
            return this;
        }

        public String sign() {
            Map<String, Object> body = new LinkedHashMap<>(claims);
            body.put("iat", issuedAt.getEpochSecond());
            body.put("exp", issuedAt.plus(lifetime).getEpochSecond());
            body.put("jti", UUID.randomUUID().toString());
            try {
                String header = encode(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", keyId)));
                String payload = encode(JSON.writeValueAsBytes(body));
                Signature rsa = Signature.getInstance("SHA256withRSA");
                rsa.initSign(keys.getPrivate());
                rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
                return header + "." + payload + "." + encode(rsa.sign());
            } catch (Exception e) {
                throw new IllegalStateException("could not sign a token", e);
            }
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
