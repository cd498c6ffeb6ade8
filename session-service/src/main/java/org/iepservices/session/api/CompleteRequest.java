package org.iepservices.session.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The provider's signature; completing locks the log. Without credentials the provider's "
        + "credentials from the roster are used.")
public record CompleteRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Dana Whitfield") String signedBy,
        @Size(max = 100) @Schema(example = "M.S., CCC-SLP") String credentials) {
}
