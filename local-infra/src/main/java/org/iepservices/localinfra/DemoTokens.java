package org.iepservices.localinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One bearer token per role for the people of the demo district, written as a shell file so a
 * newcomer can try the APIs (and Swagger UI's "Authorize") as a provider, a teacher or an admin
 * and see what each may read. Tokens name real demo staff ({@code staff_id}) and schools
 * ({@code school_ids}), so scopes resolve to the demo caseloads and classes.
 */
final class DemoTokens {

    private static final Duration LIFETIME = Duration.ofHours(12);

    /** Writes the tokens; without a demo ({@code demo == null}) only the district admin's and the SIS's. */
    static Path write(TokenIssuer issuer, DemoData.Loaded demo, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Bearer tokens of this ./run-local run (its signing key dies with it). Use: source this file,");
        lines.add("# then curl -H \"Authorization: Bearer $PROVIDER_TOKEN\" ..., or paste one into Swagger UI's Authorize.");
        lines.add(line("DISTRICT_ADMIN_TOKEN", "district coordinator", withDistrict(issuer.token("demo-coordinator",
                "district-admin").name("Dana Coordinator"), demo)));
        if (demo != null) {
            Map<String, UUID> staff = demo.staff();
            UUID maple = demo.schools().get("maple");
            String teacher = DemoRoster.teacherId("maple", "03");
            lines.add(line("SCHOOL_ADMIN_TOKEN", "principal of Maple", withDistrict(issuer.token("demo-principal-maple",
                    "school-admin").name("Pat Principal").schoolIds(List.of(maple)), demo)));
            lines.add(line("PROVIDER_TOKEN", "speech-language pathologist slp-whitfield", withDistrict(issuer.token(
                    "slp-whitfield", "provider").staffId(staff.get("slp-whitfield")), demo)));
            lines.add(line("OT_PROVIDER_TOKEN", "occupational therapist ot-tanaka", withDistrict(issuer.token(
                    "ot-tanaka", "provider").staffId(staff.get("ot-tanaka")), demo)));
            if (staff.containsKey(teacher)) {
                lines.add(line("TEACHER_TOKEN", "homeroom teacher " + teacher, withDistrict(issuer.token(teacher,
                        "teacher").staffId(staff.get(teacher))
                        .schoolIds(List.of(maple)), demo)));
            }
        }
        lines.add(line("SIS_TOKEN", "the SIS integration (roster import and push only)",
                withDistrict(issuer.token("demo-sis", "sis-integration"), demo)));
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
        return file;
    }

    private static TokenIssuer.Builder withDistrict(TokenIssuer.Builder token, DemoData.Loaded demo) {
        Instant now = Instant.now();
        token.issuedAt(now, LIFETIME);
        return demo == null || demo.districtId() == null ? token
                : token.districtId(demo.districtId());
    }

    private static String line(String name, String who, TokenIssuer.Builder token) {
        return "# " + who + "\nexport " + name + "=" + token.sign();
    }

    private DemoTokens() {
    }
}
