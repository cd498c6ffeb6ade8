package org.iepservices.student.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iepservices.localinfra.LocalInfrastructure;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs every OneRoster zip of a folder through the real service (each on an empty database of its
 * own): a dry run, the import, and the same import again. Prints a Markdown table of what each gave
 * and writes each report to target/corpus/. The zips are read where they are, never copied.
 *
 * <pre>java ... RosterCorpusRun /work/shared/testdata/oneroster</pre>
 */
public final class RosterCorpusRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "/work/shared/testdata/oneroster");
        List<Path> zips;
        try (Stream<Path> files = Files.list(folder)) {
            zips = files.filter(p -> p.toString().endsWith(".zip")).sorted().toList();
        }
        Path out = Path.of("student-service/target/corpus");
        Files.createDirectories(out);
        List<String> table = new ArrayList<>();
        table.add("| zip | dry run | import | per file (ins/upd/unch/deact/rej) | errors (first) | projected | again |");
        table.add("|---|---|---|---|---|---|---|");
        try (LocalInfrastructure infra = LocalInfrastructure.start(0, List.of())) {
            int n = 0;
            for (Path zip : zips) {
                String name = zip.getFileName().toString().replace(".zip", "");
                try (RunningService service = RunningService.start(infra, "corpus_" + n++, "256m")) {
                    HttpResponse<String> dry = post(service, zip, true);
                    HttpResponse<String> real = post(service, zip, false);
                    HttpResponse<String> again = post(service, zip, false);
                    Files.writeString(out.resolve(name + ".dry-run.json"), dry.body());
                    Files.writeString(out.resolve(name + ".import.json"), real.body());
                    Files.writeString(out.resolve(name + ".again.json"), again.body());
                    table.add("| " + name + " | " + outcome(dry) + " | " + outcome(real) + " | " + files(real) + " | "
                            + errors(real) + " | " + projected(service) + " | " + changes(again) + " |");
                }
            }
        }
        table.forEach(System.out::println);
        Files.write(out.resolve("table.md"), table);
    }

    private static HttpResponse<String> post(RunningService service, Path zip, boolean dryRun) throws Exception {
        return RunningService.HTTP.send(HttpRequest.newBuilder(URI.create(service.url("/api/v1/roster/imports?dryRun="
                        + dryRun))).header("Content-Type", "application/zip").header("Authorization", RunningService.bearer())
                .POST(HttpRequest.BodyPublishers.ofFile(zip)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String outcome(HttpResponse<String> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() == 201) {
            return "201 " + body.path("outcome").asText() + ", v" + body.path("version").asText() + " ("
                    + body.path("versionSource").asText() + "), " + body.path("errorCount").asInt() + " errors, "
                    + body.path("warningCount").asInt() + " warnings";
        }
        StringBuilder text = new StringBuilder(response.statusCode() + " " + body.path("title").asText() + ": ");
        for (JsonNode v : body.path("violations")) {
            text.append(v.path("field").asText()).append(" ").append(v.path("message").asText()).append("; ");
        }
        return text.toString().replace("|", "/");
    }

    private static String files(HttpResponse<String> response) throws Exception {
        if (response.statusCode() != 201) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> files = JSON.readTree(response.body()).path("files").fields();
        while (files.hasNext()) {
            Map.Entry<String, JsonNode> f = files.next();
            JsonNode c = f.getValue();
            parts.add(f.getKey() + " " + c.path("mode").asText().toLowerCase() + " " + c.path("inserted").asInt() + "/"
                    + c.path("updated").asInt() + "/" + c.path("unchanged").asInt() + "/" + c.path("deactivated").asInt()
                    + "/" + c.path("rejected").asInt());
        }
        return String.join("; ", parts);
    }

    private static String errors(HttpResponse<String> response) throws Exception {
        if (response.statusCode() != 201) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode e : JSON.readTree(response.body()).path("errors")) {
            parts.add(e.path("file").asText() + ":" + e.path("line").asText() + ":" + e.path("column").asText() + " "
                    + e.path("message").asText());
            if (parts.size() == 3) {
                break;
            }
        }
        return String.join("; ", parts).replace("|", "/");
    }

    private static String projected(RunningService service) throws Exception {
        List<String> parts = new ArrayList<>();
        for (String path : List.of("schools", "students", "teachers", "classes", "enrollments", "users")) {
            HttpResponse<String> r = RunningService.HTTP.send(HttpRequest.newBuilder(URI.create(
                    service.url("/ims/oneroster/rostering/v1p2/" + path + "?limit=1")))
                    .header("Authorization", RunningService.bearer()).build(),
                    HttpResponse.BodyHandlers.ofString());
            parts.add(path + " " + r.headers().firstValue("X-Total-Count").orElse("?"));
        }
        return String.join(", ", parts);
    }

    private static String changes(HttpResponse<String> response) throws Exception {
        if (response.statusCode() != 201) {
            return String.valueOf(response.statusCode());
        }
        long changed = 0;
        long unchanged = 0;
        for (JsonNode c : JSON.readTree(response.body()).path("files")) {
            changed += c.path("inserted").asLong() + c.path("updated").asLong() + c.path("deactivated").asLong();
            unchanged += c.path("unchanged").asLong();
        }
        return changed + " changed, " + unchanged + " unchanged";
    }
}
