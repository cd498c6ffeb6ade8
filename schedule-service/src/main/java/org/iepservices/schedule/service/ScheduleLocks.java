package org.iepservices.schedule.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Serialises changes that book a provider's or a student's time: two requests checking the same
 * slot at once would otherwise both find it free. Transaction-scoped advisory locks, taken in a
 * fixed order (so two requests never wait on each other crosswise) and released at commit.
 */
@ApplicationScoped
public class ScheduleLocks {

    private final EntityManager em;

    ScheduleLocks(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(Collection<UUID> people) {
        for (UUID id : new TreeSet<>(people)) {
            em.createNativeQuery("select pg_advisory_xact_lock(:key)")
                    .setParameter("key", id.getMostSignificantBits() ^ id.getLeastSignificantBits())
                    .getSingleResult();
        }
    }
}
