package org.iepservices.rest.openapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names an operation from its HTTP method and path, the way a client developer would name the method of a
 * generated client: {@code GET /api/v1/students} → {@code listStudents}, {@code GET /api/v1/students/{id}} →
 * {@code getStudent}, {@code POST /api/v1/students/{studentId}/ieps} → {@code createStudentIep},
 * {@code POST /api/v1/session-logs/{id}/complete} → {@code completeSessionLog}.
 *
 * <p>The name depends only on the method and the path, never on the Java method behind it, so renaming or moving a
 * resource method does not break generated clients. Names that still clash within one document are resolved
 * deterministically in {@link #assign}.
 */
public final class OperationIdNaming {

    /** Segments that only version or mount the API; they do not name anything. */
    private static final Pattern NOISE = Pattern.compile("api|ims|admin|v\\d+(p\\d+)?|rostering");

    /**
     * Last path segments that are actions on the resource before them (POST /session-logs/{id}/complete). A
     * segment not listed here is taken as a noun: a sub-collection when plural, a singleton sub-resource otherwise.
     */
    private static final Set<String> VERBS = Set.of(
            "activate", "deactivate", "end", "complete", "sign", "lock", "unlock", "cancel", "accept", "reject",
            "approve", "decline", "rebuild", "resolve", "reopen", "close", "submit", "start", "stop", "run", "retry",
            "redeliver", "replay", "preview", "validate", "check", "publish", "archive", "restore", "confirm", "skip",
            "reschedule", "solve", "apply", "assign", "unassign", "recalculate", "generate", "export", "import",
            "verify", "finalize", "void", "split", "merge", "move", "copy", "undo", "release", "reset", "ping",
            "test", "requeue", "discard", "park", "unpark", "waive", "excuse", "amend", "revoke", "renew", "sync");

    /** Plurals the suffix rules below get wrong. */
    private static final Map<String, String> IRREGULAR = Map.of(
            "addenda", "addendum", "criteria", "criterion", "people", "person", "children", "child",
            "statuses", "status", "analyses", "analysis", "bases", "basis", "indices", "index");

    /** Collections named by a noun without a plural form: GET /staff lists, GET /staff/{id} gets one. */
    private static final Set<String> UNCOUNTABLE = Set.of(
            "staff", "series", "data", "equipment", "feedback", "availability");

    /** Words spelled as their owners spell them. */
    private static final Map<String, String> SPELLING = Map.of("oneroster", "OneRoster");

    /** Words that end in s without being plural. */
    private static final Set<String> NOT_PLURAL = Set.of(
            "status", "progress", "access", "address", "class", "analysis", "basis", "campus", "bonus",
            "census", "focus", "minus", "plus", "series", "news", "gas", "limits", "settings");

    private OperationIdNaming() {
    }

    /** The operationId for one operation, before clashes with other operations are resolved. */
    public static String derive(String method, String path) {
        return derive(method, path, false);
    }

    /**
     * @param collection whether the document has items under this path ({@code /admin/rebuild/{rebuildId}}), which
     *                   makes it a collection even when its name is singular or a verb
     */
    static String derive(String method, String path, boolean collection) {
        String verb = method.toUpperCase(Locale.ROOT);
        List<Segment> segments = segments(path);
        if (segments.isEmpty()) {
            return verb.toLowerCase(Locale.ROOT) + "Root";
        }
        Segment last = segments.get(segments.size() - 1);
        List<Segment> owners = segments.subList(0, segments.size() - 1);

        if (last.id) {
            // an item: /students/{id}
            String noun = ownerNoun(owners) + singular(last.word);
            return switch (verb) {
                case "GET" -> "get" + noun;
                case "PUT" -> "replace" + noun;
                case "PATCH" -> "update" + noun;
                case "DELETE" -> "delete" + noun;
                case "POST" -> "upsert" + noun;
                default -> verb.toLowerCase(Locale.ROOT) + noun;
            };
        }
        String word = last.word;
        if (collection) {
            String prefix = ownerNoun(owners);
            return switch (verb) {
                case "GET" -> "list" + prefix + plural(word);
                case "POST" -> "create" + prefix + singular(word);
                case "PUT" -> "replace" + prefix + plural(word);
                case "PATCH" -> "update" + prefix + plural(word);
                case "DELETE" -> "delete" + prefix + plural(word);
                default -> verb.toLowerCase(Locale.ROOT) + prefix + plural(word);
            };
        }
        if (VERBS.contains(lowerFirst(word))) {
            // an action on the resource before it: POST /session-logs/{id}/complete
            String action = lowerFirst(word);
            String target = ownerNoun(owners);
            return "GET".equals(verb) ? "get" + target + capitalize(action) : action + target;
        }
        String prefix = ownerNoun(owners);
        boolean plural = isPlural(word) || UNCOUNTABLE.contains(lastWord(word).toLowerCase(Locale.ROOT));
        return switch (verb) {
            case "GET" -> (plural ? "list" : "get") + prefix + word;
            case "POST" -> "create" + prefix + singular(word);
            case "PUT" -> "replace" + prefix + word;
            case "PATCH" -> "update" + prefix + word;
            case "DELETE" -> "delete" + prefix + word;
            default -> verb.toLowerCase(Locale.ROOT) + prefix + word;
        };
    }

    /**
     * Gives every operation a unique id: explicit ids (from {@code @Operation(operationId=...)}) are kept as they
     * are; derived names that clash with an explicit id or with each other get a numeric suffix (2, 3, …) in path
     * then method order, the first one keeping the plain name.
     *
     * @return operationId per operation, in the order given
     */
    public static Map<OperationKey, String> assign(List<OperationKey> operations, Map<OperationKey, String> explicit) {
        Set<String> taken = new HashSet<>(explicit.values());
        Set<String> collections = new HashSet<>();
        for (OperationKey key : operations) {
            int item = key.path().lastIndexOf("/{");
            if (item > 0) {
                collections.add(key.path().substring(0, item));
            }
        }
        List<OperationKey> ordered = new ArrayList<>(operations);
        ordered.sort(Comparator.comparing(OperationKey::path).thenComparing(k -> methodRank(k.method())));
        Map<OperationKey, String> ids = new HashMap<>();
        for (OperationKey key : ordered) {
            String explicitId = explicit.get(key);
            if (explicitId != null) {
                ids.put(key, explicitId);
                continue;
            }
            String base = derive(key.method(), key.path(), collections.contains(key.path()));
            String id = base;
            for (int n = 2; taken.contains(id); n++) {
                id = base + n;
            }
            taken.add(id);
            ids.put(key, id);
        }
        Map<OperationKey, String> inInputOrder = new LinkedHashMap<>();
        operations.forEach(k -> inInputOrder.put(k, ids.get(k)));
        return inInputOrder;
    }

    /** One operation of a document: HTTP method and path template. */
    public record OperationKey(String method, String path) {
    }

    private static int methodRank(String method) {
        int rank = List.of("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE")
                .indexOf(method.toUpperCase(Locale.ROOT));
        return rank < 0 ? 99 : rank;
    }

    /** Literal segments as capitalised words, each marked when a path parameter follows it. */
    private static List<Segment> segments(String path) {
        List<Segment> segments = new ArrayList<>();
        for (String raw : path.split("/")) {
            if (raw.isBlank()) {
                continue;
            }
            if (raw.startsWith("{")) {
                if (segments.isEmpty()) {
                    segments.add(new Segment("Item", true));
                } else {
                    Segment previous = segments.remove(segments.size() - 1);
                    if (previous.id) {
                        // two parameters in a row: /roster/{type}/{sourcedId}
                        segments.add(previous);
                        segments.add(new Segment(capitalize(paramWord(raw)), true));
                    } else {
                        segments.add(new Segment(previous.word, true));
                    }
                }
                continue;
            }
            if (NOISE.matcher(raw.toLowerCase(Locale.ROOT)).matches()) {
                continue;
            }
            segments.add(new Segment(words(raw), false));
        }
        return segments;
    }

    private static String paramWord(String raw) {
        String name = raw.substring(1, raw.length() - 1);
        int colon = name.indexOf(':');
        return (colon < 0 ? name : name.substring(0, colon)).trim();
    }

    /** The resources a path goes through before its last segment, each singular when one item of it is addressed. */
    private static String ownerNoun(List<Segment> owners) {
        StringBuilder noun = new StringBuilder();
        for (Segment owner : owners) {
            noun.append(owner.id ? singular(owner.word) : owner.word);
        }
        return noun.toString();
    }

    /** {@code session-logs} → {@code SessionLogs}, {@code academicSessions} → {@code AcademicSessions}, {@code file.csv} → {@code FileCsv}. */
    static String words(String segment) {
        String spelled = SPELLING.get(segment.toLowerCase(Locale.ROOT));
        if (spelled != null) {
            return spelled;
        }
        StringBuilder out = new StringBuilder();
        for (String part : segment.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(capitalize(part));
            }
        }
        return out.toString();
    }

    private static int lastWordStart(String noun) {
        for (int i = noun.length() - 1; i > 0; i--) {
            if (Character.isUpperCase(noun.charAt(i))) {
                return i;
            }
        }
        return 0;
    }

    private static String lastWord(String noun) {
        return noun.substring(lastWordStart(noun));
    }

    /** Singularises the last word of a camel-case noun: {@code SessionLogs} → {@code SessionLog}. */
    static String singular(String noun) {
        int lastWordStart = lastWordStart(noun);
        String head = noun.substring(0, lastWordStart);
        String word = noun.substring(lastWordStart);
        String lower = word.toLowerCase(Locale.ROOT);
        String single;
        if (IRREGULAR.containsKey(lower)) {
            single = IRREGULAR.get(lower);
        } else if (!isPluralWord(lower)) {
            single = lower;
        } else if (lower.endsWith("ies") && lower.length() > 3) {
            single = lower.substring(0, lower.length() - 3) + "y";
        } else if (lower.endsWith("sses") || lower.endsWith("xes") || lower.endsWith("ches") || lower.endsWith("shes")) {
            single = lower.substring(0, lower.length() - 2);
        } else {
            single = lower.substring(0, lower.length() - 1);
        }
        return head + capitalize(single);
    }

    /** The plural of a camel-case noun that names a collection: {@code Rebuild} → {@code Rebuilds}. */
    static String plural(String noun) {
        if (isPlural(noun) || UNCOUNTABLE.contains(lastWord(noun).toLowerCase(Locale.ROOT))) {
            return noun;
        }
        if (noun.endsWith("y") && noun.length() > 1 && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        if (noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh")) {
            return noun + "es";
        }
        return noun + "s";
    }

    private static boolean isPlural(String noun) {
        String single = singular(noun);
        return !single.equals(noun);
    }

    private static boolean isPluralWord(String lower) {
        if (IRREGULAR.containsKey(lower)) {
            return true;
        }
        return lower.endsWith("s") && !lower.endsWith("ss") && !lower.endsWith("us") && !NOT_PLURAL.contains(lower);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private record Segment(String word, boolean id) {
    }
}
