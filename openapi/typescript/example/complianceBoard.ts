// A coordinator's front end listing where a student stands against each IEP mandate this month.
// It compiles against the types generated from docs/openapi (openapi/typescript.sh): a renamed field,
// path or parameter in a service's document breaks this file's compile, and so CI.
import createClient from "openapi-fetch";
import type { paths } from "../generated/reporting-service";

// The compliance endpoints also answer text/csv; this client asks for and reads JSON.
const reporting = createClient<paths, "application/json">({ baseUrl: "https://reporting.district.example" });

export async function minutesBehind(studentId: string, token: string): Promise<string[]> {
  const { data, error, response } = await reporting.GET("/api/v1/compliance/students/{studentId}", {
    params: { path: { studentId }, query: { from: "2026-12-01", to: "2026-12-31" } },
    headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
  });
  if (error !== undefined || !data) throw new Error(`compliance: HTTP ${response.status}`);
  return (data.mandates ?? []).flatMap((mandate) =>
    (mandate.periods ?? [])
      .filter((period) => period.status === "AT_RISK" || period.status === "OUT_OF_COMPLIANCE")
      .map((period) => `${mandate.serviceType} ${period.periodStart}: ${period.shortfall?.total ?? 0} min behind`));
}
