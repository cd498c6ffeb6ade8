package org.iepservices.reporting.progress.service;

import org.iepservices.reporting.progress.projection.ProgressGoal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** Goals continuing one another across IEP versions, in any order, cycles cut. */
class GoalChainsTest {

    private static ProgressGoal goal(UUID id, UUID continues) {
        ProgressGoal g = new ProgressGoal();
        g.key = new ProgressGoal.Key(UUID.randomUUID(), id);
        g.continuesGoalId = continues;
        return g;
    }

    @Test
    void threeVersionsOfAGoalAreOneChainWhateverTheOrder() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        GoalChains chains = GoalChains.of(List.of(goal(third, second), goal(other, null), goal(first, null),
                goal(second, first)));
        assertEquals(third, chains.latest(first));
        assertEquals(third, chains.latest(second));
        assertEquals(third, chains.latest(third));
        assertEquals(List.of(second, first), chains.continued(third));
        assertEquals(other, chains.latest(other));
        assertEquals(List.of(), chains.continued(other));
    }

    @Test
    void aCycleInBadDataEndsWhereItCloses() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        GoalChains chains = GoalChains.of(List.of(goal(a, b), goal(b, a), goal(UUID.randomUUID(),
                UUID.randomUUID())));
        assertNotNull(chains.latest(a));
        assertEquals(List.of(b), chains.continued(a));
        assertEquals(List.of(a), chains.continued(b));
    }
}
