package org.iepservices.schedule.recommendation.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iepservices.schedule.recommendation.SettingMixRequest;
import org.iepservices.schedule.recommendation.SettingRecommendation;
import org.iepservices.schedule.recommendation.SettingRecommender;

import static org.iepservices.access.Role.DISTRICT_ADMIN_NAME;
import static org.iepservices.access.Role.PROVIDER_NAME;
import static org.iepservices.access.Role.SCHOOL_ADMIN_NAME;

@Path("/api/v1/recommendations/setting-mix")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Push-in or pull-out", description = "Which setting suits a mandate's sessions, factor by factor.")
public class SettingRecommendationResource {

    private final SettingRecommender recommender = new SettingRecommender();

    @POST
    @RolesAllowed({DISTRICT_ADMIN_NAME, SCHOOL_ADMIN_NAME, PROVIDER_NAME})
    @Operation(summary = "Recommend a push-in / pull-out mix",
            description = "From the mandate (sessions, minutes, current split), the IEP goals (area, skill stage), "
                    + "the service profile (regulation support, quiet setting) and the activity blocks of the "
                    + "student's class: how many sessions push-in and how many pull-out, every factor with its "
                    + "direction, weight and evidence, and the class block each push-in session should join. "
                    + "Nothing is stored and nothing is read: the caller sends every fact. A clinical decision aid, "
                    + "so for providers and admins (teachers 403).")
    public SettingRecommendation recommend(@NotNull SettingMixRequest request) {
        return recommender.recommend(request);
    }
}
