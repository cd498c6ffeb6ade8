package org.iepservices.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.List;

/** limit/offset paging with X-Total-Count and RFC 8288 Link headers (next, prev). */
public final class Paging {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private Paging() {
    }

    public static Response page(List<?> items, long total, int limit, int offset, UriInfo uri) {
        List<String> links = new ArrayList<>();
        if (offset + limit < total) {
            links.add("<" + uri.getRequestUriBuilder().replaceQueryParam("offset", offset + limit)
                    .replaceQueryParam("limit", limit).build() + ">; rel=\"next\"");
        }
        if (offset > 0) {
            links.add("<" + uri.getRequestUriBuilder().replaceQueryParam("offset", Math.max(0, offset - limit))
                    .replaceQueryParam("limit", limit).build() + ">; rel=\"prev\"");
        }
        Response.ResponseBuilder response = Response.ok(items).header("X-Total-Count", total);
        if (!links.isEmpty()) {
            response.header("Link", String.join(", ", links));
        }
        return response.build();
    }
}
