package org.iepservices.session.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The provider's signature; completing locks the log.")
public record CompleteRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Dana Whitfield") String signedBy,
        @NotBlank @Size(max = 100) @Schema(example = "M.S., CCC-SLP") String credentials) {
}
