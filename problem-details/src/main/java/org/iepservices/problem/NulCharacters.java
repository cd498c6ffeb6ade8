package org.iepservices.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * No text of this API holds the NUL character: PostgreSQL cannot store it in a text column and
 * answers "invalid byte sequence" from deep inside a query, which was a 500. So it is refused
 * where it comes in, as the client's 400: in the path or query ({@code %00}) before any resource
 * runs, and in a JSON string of a body as that field's violation.
 */
@Singleton
public class NulCharacters implements ObjectMapperCustomizer {

    static final String DETAIL = "text may not contain the NUL character";

    @ServerRequestFilter(preMatching = true)
    public Response refuseInPathOrQuery(ContainerRequestContext request) {
        String raw;
        try {
            java.net.URI uri = request.getUriInfo().getRequestUri();
            raw = uri.getRawPath() + "?" + uri.getRawQuery();
        } catch (RuntimeException unreadable) {
            return null; // matching will refuse it with its own problem
        }
        if (!raw.contains("%00")) {
            return null;
        }
        boolean inPath = raw.substring(0, raw.indexOf('?')).contains("%00");
        String where = inPath ? "path" : "query";
        return ProblemExceptionMappers.respond(new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(),
                400, "The request " + where + " contains %00: " + DETAIL, null,
                List.of(new Problem.Violation(where, DETAIL))));
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("refuse-nul-characters").addDeserializer(String.class, new Text()));
    }

    /** Jackson's own String reading, refusing a value with a NUL in it (as that field's 400). */
    static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw InvalidFormatException.from(p, DETAIL, value.replace("\0", "\\u0000"), String.class);
            }
            return value;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }
}
