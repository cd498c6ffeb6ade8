package org.iepservices.rest.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The conventions every service's OpenAPI document follows, so that district integrations and front-end teams get
 * the same shape of document from all four services (registered with {@code mp.openapi.filter} in each service):
 *
 * <ul>
 *   <li>every operation has a stable {@code operationId} derived from its method and path
 *       ({@link OperationIdNaming}); an explicit {@code @Operation(operationId = ...)} wins;</li>
 *   <li>security is one HTTP bearer (JWT) scheme with no scopes: OpenAPI 3 allows scopes only for OAuth2 and
 *       OpenID Connect schemes, so the roles Quarkus derives from {@code @RolesAllowed} (and writes as scopes) move
 *       to an {@code x-roles} extension and a line of the description;</li>
 *   <li>every operation has a success response, even when its resource method declares only errors;</li>
 *   <li>every operation has a tag (its first path segment when the resource declares none) and every tag used is
 *       declared at the top level.</li>
 * </ul>
 */
public class ApiDocumentConventions implements OASFilter {

    /** The extension that lists the roles (groups claim values) allowed to call an operation. */
    public static final String ROLES_EXTENSION = "x-roles";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, PathItem> paths = openAPI.getPaths().getPathItems();
        assignOperationIds(paths);
        Set<String> httpSchemes = httpSchemes(openAPI.getComponents());
        paths.forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            rolesOutOfScopes(operation, httpSchemes);
            successResponse(method, operation);
            if (operation.getTags() == null || operation.getTags().isEmpty()) {
                operation.addTag(areaTag(path));
            }
        }));
        declareTags(openAPI, paths);
    }

    private static void assignOperationIds(Map<String, PathItem> paths) {
        List<OperationIdNaming.OperationKey> keys = new ArrayList<>();
        Map<OperationIdNaming.OperationKey, String> explicit = new HashMap<>();
        Map<OperationIdNaming.OperationKey, Operation> operations = new HashMap<>();
        paths.forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            OperationIdNaming.OperationKey key = new OperationIdNaming.OperationKey(method.name(), path);
            keys.add(key);
            operations.put(key, operation);
            if (operation.getOperationId() != null && !operation.getOperationId().isBlank()) {
                explicit.put(key, operation.getOperationId());
            }
        }));
        OperationIdNaming.assign(keys, explicit).forEach((key, id) -> operations.get(key).setOperationId(id));
    }

    /** Names of the document's http-type security schemes (bearer JWT), whose requirements must not list scopes. */
    private static Set<String> httpSchemes(Components components) {
        Set<String> names = new TreeSet<>();
        if (components != null && components.getSecuritySchemes() != null) {
            components.getSecuritySchemes().forEach((name, scheme) -> {
                if (scheme.getType() == SecurityScheme.Type.HTTP) {
                    if ("bearer".equalsIgnoreCase(scheme.getScheme()) && scheme.getBearerFormat() == null) {
                        scheme.setBearerFormat("JWT");
                    }
                    names.add(name);
                }
            });
        }
        return names;
    }

    private static void rolesOutOfScopes(Operation operation, Set<String> httpSchemes) {
        if (operation.getSecurity() == null) {
            return;
        }
        Set<String> roles = new LinkedHashSet<>();
        List<SecurityRequirement> cleaned = new ArrayList<>();
        for (SecurityRequirement requirement : operation.getSecurity()) {
            SecurityRequirement withoutScopes = OASFactory.createSecurityRequirement();
            Map<String, List<String>> schemes = requirement.getSchemes() == null ? Map.of() : requirement.getSchemes();
            schemes.forEach((scheme, scopes) -> {
                if (httpSchemes.contains(scheme)) {
                    if (scopes != null) {
                        roles.addAll(scopes);
                    }
                    withoutScopes.addScheme(scheme, new ArrayList<>());
                } else {
                    withoutScopes.addScheme(scheme, scopes == null ? new ArrayList<>() : scopes);
                }
            });
            cleaned.add(withoutScopes);
        }
        operation.setSecurity(cleaned);
        if (roles.isEmpty()) {
            return;
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(roles));
        operation.addExtension(ROLES_EXTENSION, sorted);
        String line = "Roles: " + String.join(", ", sorted) + ".";
        String description = operation.getDescription();
        if (description == null || description.isBlank()) {
            operation.setDescription(line);
        } else if (!description.contains(line)) {
            operation.setDescription(description.strip() + "\n\n" + line);
        }
    }

    /**
     * A resource method that declares only its error responses ({@code @APIResponse(responseCode = "404")}) makes
     * SmallRye leave out the success response; a client generator then has no success case at all. The generic one
     * added here says the call can succeed; the status and body are those of the operation's description.
     */
    private static void successResponse(PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        Map<String, APIResponse> byStatus = responses.getAPIResponses() == null ? Map.of() : responses.getAPIResponses();
        boolean succeeds = byStatus.keySet().stream().anyMatch(status -> status.startsWith("2") || status.startsWith("3"));
        if (!succeeds) {
            if (method == PathItem.HttpMethod.DELETE) {
                responses.addAPIResponse("204", OASFactory.createAPIResponse().description("Deleted"));
            } else {
                responses.addAPIResponse("200", OASFactory.createAPIResponse().description("OK"));
            }
        }
    }

    /** The tag of an operation whose resource declares none: its first meaningful path segment, in words. */
    static String areaTag(String path) {
        for (String segment : path.split("/")) {
            if (segment.isBlank() || segment.startsWith("{") || segment.matches("(?i)api|v\\d+(p\\d+)?|q")) {
                continue;
            }
            if (segment.equalsIgnoreCase("admin")) {
                return "Administration";
            }
            String words = segment.replaceAll("([a-z])([A-Z])", "$1 $2").replaceAll("[^A-Za-z0-9]+", " ").trim();
            return words.isEmpty() ? "Other" : Character.toUpperCase(words.charAt(0)) + words.substring(1).toLowerCase(Locale.ROOT);
        }
        return "Other";
    }

    /** Every tag an operation uses is declared at the top level (sorted, descriptions kept). */
    private static void declareTags(OpenAPI openAPI, Map<String, PathItem> paths) {
        Map<String, Tag> declared = new LinkedHashMap<>();
        if (openAPI.getTags() != null) {
            openAPI.getTags().forEach(tag -> declared.put(tag.getName(), tag));
        }
        Set<String> used = new TreeSet<>();
        paths.values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getTags() != null) {
                used.addAll(operation.getTags());
            }
        }));
        Set<String> all = new TreeSet<>(declared.keySet());
        all.addAll(used);
        List<Tag> tags = new ArrayList<>();
        for (String name : all) {
            tags.add(declared.getOrDefault(name, OASFactory.createTag().name(name)));
        }
        openAPI.setTags(tags);
    }
}
