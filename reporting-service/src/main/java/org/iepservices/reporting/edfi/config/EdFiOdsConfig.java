package org.iepservices.reporting.edfi.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The district's Ed-Fi ODS/API, for pushes (README "Ed-Fi"). Off unless {@code edfi.ods.enabled=true}. */
@ConfigMapping(prefix = "edfi.ods")
public interface EdFiOdsConfig {

    /** Pushes are refused (409) while false. */
    @WithDefault("false")
    boolean enabled();

    /** The ODS's data base URL up to the namespace, e.g. https://ods.district.org/data/v3/ed-fi */
    Optional<String> baseUrl();

    /** The OAuth2 token endpoint, e.g. https://ods.district.org/oauth/token */
    Optional<String> tokenUrl();

    Optional<String> clientId();

    Optional<String> clientSecret();

    /** Tries per record for a 5xx or a connection failure (4xx: never retried). */
    @WithDefault("5")
    int maxAttempts();

    /** Wait before the first retry; doubles each retry up to {@code max-backoff}. */
    @WithDefault("500ms")
    Duration initialBackoff();

    @WithDefault("30s")
    Duration maxBackoff();

    /** Timeout of one HTTP request. */
    @WithDefault("30s")
    Duration requestTimeout();

    /**
     * Send the {@code _ext.iepServices} extension (delivered minutes, setting) too. Only for an ODS that
     * has that extension installed; a stock ODS gets the Ed-Fi model's properties only.
     */
    @WithDefault("false")
    boolean sendExtension();
}
