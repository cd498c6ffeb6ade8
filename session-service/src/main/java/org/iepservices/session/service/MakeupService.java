package org.iepservices.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.events.SessionCompleted;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.session.domain.MakeupAllocation;
import org.iepservices.session.domain.MakeupLink;
import org.iepservices.session.domain.MissedSession;
import org.iepservices.session.domain.OwedVerdict;
import org.iepservices.session.domain.copy.KnownMandate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Makeup sessions: which misses they may repay, and how their minutes are allocated. */
@ApplicationScoped
public class MakeupService {

    /**
     * Checks every {@code makeupFor} of every line: the miss exists, is this student's, is of the
     * line's mandate (or of the mandate it continues from an earlier IEP version), is owed (REVIEW
     * must be resolved by the IEP team first) and still has minutes outstanding.
     */
    public List<Violation> check(List<LogContent.Line> lines) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LogContent.Line line = lines.get(i);
            Set<UUID> seen = new HashSet<>();
            for (int j = 0; j < line.makeupFor().size(); j++) {
                UUID missId = line.makeupFor().get(j);
                String field = "students[" + i + "].makeupFor[" + j + "]";
                MissedSession miss = MissedSession.findById(missId);
                if (!seen.add(missId)) {
                    violations.add(new Violation(field, "miss listed twice"));
                } else if (miss == null) {
                    violations.add(new Violation(field, "no missed session " + missId));
                } else if (!miss.studentId.equals(line.studentId())
                        || !sameService(miss.mandateId, line.mandateId())) {
                    violations.add(new Violation(field, "the miss belongs to another student or mandate"));
                } else if (miss.owed == OwedVerdict.NOT_OWED) {
                    violations.add(new Violation(field, "the miss is not owed under the district makeup policy"));
                } else if (miss.owed == OwedVerdict.REVIEW) {
                    violations.add(new Violation(field, "the miss awaits the IEP team's decision (REVIEW); "
                            + "resolve it as owed first"));
                } else if (outstanding(miss) <= 0) {
                    violations.add(new Violation(field, "the miss is already fully made up"));
                }
            }
        }
        return violations;
    }

    /**
     * Whether minutes under {@code lineMandate} can repay a miss of {@code missMandate}: the same
     * mandate, or a mandate of a later IEP version that continues it.
     */
    static boolean sameService(UUID missMandate, UUID lineMandate) {
        UUID current = lineMandate;
        for (int hops = 0; current != null && hops < 50; hops++) {
            if (current.equals(missMandate)) {
                return true;
            }
            KnownMandate mandate = KnownMandate.findById(current);
            current = mandate == null ? null : mandate.continuesMandateId;
        }
        return false;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void link(UUID sessionLogId, UUID studentId, List<UUID> missIds) {
        for (UUID missId : missIds) {
            MakeupLink link = new MakeupLink();
            link.key = new MakeupLink.Key(sessionLogId, studentId, missId);
            link.persist();
        }
    }

    /**
     * At completion: spreads the student's credited minutes over the linked misses, oldest miss
     * first, each up to what is still outstanding (another makeup may have repaid it meanwhile).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<SessionCompleted.Repayment> allocate(UUID sessionLogId, UUID studentId, int creditedMinutes) {
        List<MakeupLink> links = new ArrayList<>(MakeupLink.<MakeupLink>list(
                "key.sessionLogId = ?1 and key.studentId = ?2", sessionLogId, studentId));
        if (links.isEmpty()) {
            return List.of();
        }
        List<MissedSession> misses = new ArrayList<>();
        for (MakeupLink link : links) {
            misses.add(MissedSession.findById(link.key.missId()));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> misses.get(i).sessionDate));
        List<Integer> outstanding = order.stream().map(i -> outstanding(misses.get(i))).toList();
        List<Integer> repaid = MakeupAllocation.allocate(creditedMinutes, outstanding);
        List<SessionCompleted.Repayment> repayments = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            MakeupLink link = links.get(order.get(k));
            link.minutes = repaid.get(k);
            if (link.minutes > 0) {
                repayments.add(new SessionCompleted.Repayment(link.key.missId(), link.minutes));
            }
        }
        return repayments;
    }

    /** After an addendum changed the student's minutes: releases what this log repaid and allocates again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<SessionCompleted.Repayment> reallocate(UUID sessionLogId, UUID studentId, int creditedMinutes) {
        List<MakeupLink> links = MakeupLink.list("key.sessionLogId = ?1 and key.studentId = ?2", sessionLogId, studentId);
        links.forEach(link -> link.minutes = 0);
        return allocate(sessionLogId, studentId, creditedMinutes);
    }

    /** Minutes of the miss not yet repaid by completed makeups (draft links carry 0). */
    public int outstanding(MissedSession miss) {
        Number repaid = (Number) MakeupLink.getEntityManager()
                .createQuery("select coalesce(sum(l.minutes), 0) from MakeupLink l where l.key.missId = :miss")
                .setParameter("miss", miss.id)
                .getSingleResult();
        return miss.minutes - repaid.intValue();
    }

    public List<MakeupLink> linksOf(UUID sessionLogId) {
        return MakeupLink.list("key.sessionLogId", sessionLogId);
    }

    /** A draft is being rewritten: its links go and are made again from the new content. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unlinkAll(UUID sessionLogId) {
        MakeupLink.delete("key.sessionLogId", sessionLogId);
    }
}
