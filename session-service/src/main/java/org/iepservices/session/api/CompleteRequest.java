package org.iepservices.session.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The provider's signature; completing locks the log. Only the log's provider signs (the "
        + "staff id in the token must be the log's providerId). Without signedBy the provider's name from the "
        + "roster is shown, without credentials the provider's credentials from the roster are used.")
public record CompleteRequest(
        @Size(max = 200) @Schema(example = "Dana Whitfield") String signedBy,
        @Size(max = 100) @Schema(example = "M.S., CCC-SLP") String credentials) {
}
