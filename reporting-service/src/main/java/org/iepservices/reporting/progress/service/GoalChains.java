package org.iepservices.reporting.progress.service;

import org.iepservices.reporting.progress.projection.ProgressGoal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Goals that continue one another across IEP versions ({@code continuesGoalId}): an amendment that
 * rewords a goal gives it a new id, and its data history carries on through the chain. Built from
 * every version's goals at once, so the order the versions arrived in does not matter; a cycle in
 * bad data is cut where it closes.
 */
final class GoalChains {

    private final Map<UUID, UUID> continues = new HashMap<>();
    private final Map<UUID, UUID> continuedBy = new HashMap<>();

    private GoalChains() {
    }

    static GoalChains of(Collection<ProgressGoal> goals) {
        GoalChains chains = new GoalChains();
        for (ProgressGoal g : goals) {
            UUID earlier = g.continuesGoalId;
            if (earlier != null && !earlier.equals(g.key.goalId())) {
                chains.continues.put(g.key.goalId(), earlier);
                chains.continuedBy.put(earlier, g.key.goalId());
            }
        }
        return chains;
    }

    /** The latest goal of the chain {@code goal} belongs to (itself when nothing continues it). */
    UUID latest(UUID goal) {
        Set<UUID> seen = new HashSet<>();
        UUID at = goal;
        while (continuedBy.containsKey(at) && seen.add(at)) {
            at = continuedBy.get(at);
        }
        return at;
    }

    /** The goals {@code goal} continues, nearest first. */
    List<UUID> continued(UUID goal) {
        List<UUID> result = new ArrayList<>();
        Set<UUID> seen = new HashSet<>(Set.of(goal));
        UUID at = continues.get(goal);
        while (at != null && seen.add(at)) {
            result.add(at);
            at = continues.get(at);
        }
        return result;
    }
}
