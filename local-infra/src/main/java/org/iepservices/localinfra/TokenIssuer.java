package org.iepservices.localinfra;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
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

    /**
     * The claims naming the caller's staff record, schools and district: the defaults of the services'
     * {@code access.claims.*} settings, which map a district identity provider's own claim names.
     */
    public static final String STAFF_ID_CLAIM = "staff_id";
    public static final String SCHOOL_IDS_CLAIM = "school_ids";
    public static final String DISTRICT_ID_CLAIM = "district_id";

    /** The issuer ({@code iss}) of every local token; {@code mp.jwt.verify.issuer} of the services. */
    public static final String ISSUER = "https://iep-services.local/issuer";

    /**
     * The audience ({@code aud}) of every local token: the services accept only tokens issued for
     * them ({@code mp.jwt.verify.audiences}), not one the same identity provider issued to another
     * application of the district.
     */
    public static final String AUDIENCE = "iep-services";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TokenIssuer shared;

    private final KeyPair keys;
    private final String keyId;

    private TokenIssuer(KeyPair keys, String keyId) {
        this.keys = keys;
        this.keyId = keyId == null ? UUID.randomUUID().toString() : keyId;
    }

    public static TokenIssuer generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TokenIssuer(generator.generateKeyPair(), null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this JVM", e);
        }
    }

    /**
     * One issuer per JVM for test suites: the service under test and the tests share its key. The
     * key travels in system properties because a {@code @QuarkusTest} loads this class twice (test
     * resource and test code sit in different class loaders), and both must sign with one key.
     */
    public static synchronized TokenIssuer shared() {
        if (shared == null) {
            String privateKey = System.getProperty(SHARED_PRIVATE_KEY);
            String publicKey = System.getProperty(SHARED_PUBLIC_KEY);
            if (privateKey != null && publicKey != null) {
                shared = fromEncoded(privateKey, publicKey, System.getProperty(SHARED_KEY_ID));
            } else {
                shared = generate();
                System.setProperty(SHARED_PRIVATE_KEY, Base64.getEncoder().encodeToString(shared.keys.getPrivate().getEncoded()));
                System.setProperty(SHARED_PUBLIC_KEY, Base64.getEncoder().encodeToString(shared.keys.getPublic().getEncoded()));
                System.setProperty(SHARED_KEY_ID, shared.keyId);
            }
        }
        return shared;
    }

    private static final String SHARED_PRIVATE_KEY = "iep.jwt.shared.private-key";
    private static final String SHARED_PUBLIC_KEY = "iep.jwt.shared.public-key";
    private static final String SHARED_KEY_ID = "iep.jwt.shared.key-id";

    private static TokenIssuer fromEncoded(String privateKey, String publicKey, String keyId) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new TokenIssuer(new KeyPair(
                    rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)))), keyId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the shared token key in the system properties is unreadable", e);
        }
    }

    /** The public key as PEM (SubjectPublicKeyInfo), for {@code mp.jwt.verify.publickey}. */
    public String publicKeyPem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    /**
     * The Quarkus settings that make a service trust this issuer's tokens, for its audience only. The
     * local system and the tests are single-district deployments ({@code access.single-district}):
     * a district admin token without {@code district_id} is the admin of the one district there, as
     * most tests use it; a multi-district deployment leaves it unset and such a token is refused.
     */
    public Map<String, String> serviceConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mp.jwt.verify.issuer", ISSUER);
        config.put("mp.jwt.verify.publickey", publicKeyPem());
        config.put("mp.jwt.verify.audiences", AUDIENCE);
        config.put(SINGLE_DISTRICT, "true");
        return config;
    }

    /** access-control's switch for a deployment that serves one district (see {@link #serviceConfig()}). */
    public static final String SINGLE_DISTRICT = "access.single-district";

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
            claims.put("aud", AUDIENCE);
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

        /** The caller's staff record (a provider's or teacher's scope starts from it). */
        public Builder staffId(Object staffId) {
            return claim(STAFF_ID_CLAIM, staffId.toString());
        }

        /** The schools a school admin answers for. */
        public Builder schoolIds(java.util.Collection<?> schoolIds) {
            return claim(SCHOOL_IDS_CLAIM, schoolIds.stream().map(Object::toString).toList());
        }

        /** The district of an admin; none is refused unless the service is single-district. */
        public Builder districtId(Object districtId) {
            return claim(DISTRICT_ID_CLAIM, districtId.toString());
        }

        /** A token issued for another application of the district ({@code aud}), which the services refuse. */
        public Builder audience(String audience) {
            return claim("aud", audience);
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
