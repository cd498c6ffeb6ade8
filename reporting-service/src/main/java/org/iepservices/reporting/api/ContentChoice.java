package org.iepservices.reporting.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * JSON unless the client asks for the alternative by name. Left to JAX-RS, a client sending
 * {@code Accept: *}{@code /*} (curl, most HTTP libraries) could be handed HTML or CSV; a browser
 * ({@code text/html,...,*}{@code /*;q=0.8}) still gets the page.
 */
public final class ContentChoice {

    private ContentChoice() {
    }

    /** Whether the most preferred acceptable type that names JSON or {@code alternative} names the alternative. */
    public static boolean prefers(HttpHeaders headers, MediaType alternative) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) { // sorted by preference
            if (accepted.isWildcardType() || accepted.isWildcardSubtype()) {
                return false;
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(alternative)) {
                return true;
            }
        }
        return false;
    }
}
