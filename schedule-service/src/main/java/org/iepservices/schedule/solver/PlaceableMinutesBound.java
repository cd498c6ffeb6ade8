package org.iepservices.schedule.solver;

import org.iepservices.schedule.solver.ScheduleProblem.AvailabilityWindow;
import org.iepservices.schedule.solver.ScheduleProblem.TravelTime;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An upper bound of the mandated minutes any week free of hard conflicts can place: no scheduler
 * (first-fit, greedy, Timefold, a person) places more, so placed/bound says how much of what was
 * placeable a week holds. Without it "92 % of mandated minutes" cannot tell a weak search from a
 * caseload that does not fit.
 *
 * <p>It is a flow relaxation of the week, in provider minutes:
 * <pre>
 *   source -> (mandate, setting)          demand: sessions x minutes / g
 *          -> (student, time segment)     a student is in one session at a time
 *          -> (time segment)              the provider is in one place at a time
 *          -> (day)                       the provider's minutes that day after travel (and daily maximum)
 *          -> sink
 * </pre>
 * A student-minute of a session whose group can hold at most {@code g} students costs the provider
 * {@code 1/g} minute ({@code g} = 1 for individual sessions; for group mandates the smaller of the
 * mandate's group limit and 1 + the students whose sessions could share a slot with it: same school,
 * setting, service and length, and a common candidate placement). A group of {@code k} students at one
 * time costs one provider minute and {@code k} is at most every member's {@code g}, so the costs of a
 * real week's students at any minute add up to at most 1: every conflict-free week is a flow here.
 * The flow maximizes placed student-minutes, the sum over (mandate, setting) of {@code g} x its flow;
 * the flows a network lets its sources send form a polymatroid, so sending the largest {@code g} first
 * (max-flow per group size, never undoing earlier sources) is optimal.
 *
 * <p>What each session may use is its value range (availability at the student's school, push-in only
 * inside structured blocks of the student's classes that take push-in, pull-out clear of protected
 * core and excluded subjects), minus placements that clash with sessions that exist already (the
 * student's, or the provider's own with travel). Time is cut into the segments between every
 * candidate's start and end, so no grid is assumed. Relaxed (so the bound may lie above the best week):
 * sessions may be split into pieces, different group slots may share the provider's minute when their
 * costs add up to at most 1, and travel is charged per day (the least time a day's hand-overs between
 * schools must lose), not per hand-over.
 */
public final class PlaceableMinutesBound {

    private static final double EPS = 1e-9;

    /**
     * @param upperBoundMinutes     no conflict-free week places more of the mandated minutes
     * @param mandatedMinutes       this provider's mandated minutes in the problem (as ScheduleMetrics counts them)
     * @param fixedMinutes          minutes of existing sessions that count toward mandates (always placed)
     * @param withoutPlacementMinutes minutes of sessions left with no possible placement at all
     */
    public record Bound(int upperBoundMinutes, int mandatedMinutes, int fixedMinutes, int withoutPlacementMinutes) {
        /** placed / bound, 1 when nothing is placeable. */
        public double shareOf(int placedMinutes) {
            return upperBoundMinutes == 0 ? 1.0 : (double) placedMinutes / upperBoundMinutes;
        }
    }

    private PlaceableMinutesBound() {
    }

    public static Bound of(ServiceSchedule schedule) {
        Map<SchoolPair, Integer> travel = new HashMap<>();
        for (TravelTime t : schedule.getTravelTimes()) {
            travel.merge(t.pair(), t.minutes(), Math::max);
        }
        int mandated = 0;
        int fixed = 0;
        Map<UUID, List<ServiceSession>> studentBusy = new HashMap<>();
        List<ServiceSession> providerBusy = new ArrayList<>();
        List<ServiceSession> toPlace = new ArrayList<>();
        for (ServiceSession s : schedule.getSessions()) {
            boolean counted = s.isOwnProvider() && s.getMandate() != null;
            if (counted) {
                mandated += s.getMinutes();
            }
            if (s.isPinned()) {
                if (s.isPlaced()) {
                    studentBusy.computeIfAbsent(s.getStudentId(), k -> new ArrayList<>()).add(s);
                    if (s.isOwnProvider()) {
                        providerBusy.add(s);
                    }
                    if (counted) {
                        fixed += s.getMinutes();
                    }
                }
            } else if (counted) {
                toPlace.add(s);
            }
        }

        // (mandate, setting) demands with the placements still open to them
        Map<String, Demand> demands = new LinkedHashMap<>();
        for (ServiceSession s : toPlace) {
            demands.computeIfAbsent(s.mandateId() + "/" + s.getSetting(), k -> new Demand(s,
                    open(s, studentBusy.getOrDefault(s.getStudentId(), List.of()), providerBusy, travel)))
                    .sessions++;
        }
        int withoutPlacement = 0;
        List<Demand> placeable = new ArrayList<>();
        for (Demand d : demands.values()) {
            if (d.placements.isEmpty()) {
                withoutPlacement += d.sessions * d.minutes;
            } else {
                placeable.add(d);
            }
        }
        groupLimits(placeable);

        Network net = new Network(schedule, placeable, providerBusy, travel);
        double placedStudentMinutes = net.maximize();
        int bound = fixed + (int) Math.floor(placedStudentMinutes + 1e-6);
        return new Bound(Math.min(bound, mandated), mandated, fixed, withoutPlacement);
    }

    /** One mandate's sessions in one setting: how many, how long, where they may go, how large a group. */
    static final class Demand {
        final ServiceSession sample;
        final UUID studentId;
        final int minutes;
        final List<Placement> placements;
        final Set<Placement> placementSet;
        int sessions;
        int groupLimit = 1;

        Demand(ServiceSession sample, List<Placement> placements) {
            this.sample = sample;
            this.studentId = sample.getStudentId();
            this.minutes = sample.getMinutes();
            this.placements = placements;
            this.placementSet = new HashSet<>(placements);
        }

        /** Sessions that could be one group session: same school, setting, service and length. */
        Object groupKind() {
            return sample.isGroupable() ? List.of(sample.getSchoolId(), sample.getSetting(),
                    String.valueOf(sample.getMandate().serviceType()), minutes) : null;
        }
    }

    /** The session's candidates that clash with no existing session of the student or the provider. */
    static List<Placement> open(ServiceSession s, List<ServiceSession> studentBusy, List<ServiceSession> providerBusy,
                                Map<SchoolPair, Integer> travel) {
        List<Placement> result = new ArrayList<>();
        for (Placement p : s.getCandidatePlacements()) {
            int start = p.startMinute();
            int end = start + s.getMinutes();
            boolean clash = false;
            for (ServiceSession busy : studentBusy) {
                if (busy.day() == p.day() && busy.start() < end && start < busy.end()) {
                    clash = true;
                    break;
                }
            }
            for (int i = 0; !clash && i < providerBusy.size(); i++) {
                ServiceSession busy = providerBusy.get(i);
                if (busy.day() != p.day()) {
                    continue;
                }
                int needed = busy.getSchoolId() == null || busy.getSchoolId().equals(s.getSchoolId()) ? 0
                        : travel.getOrDefault(SchoolPair.of(busy.getSchoolId(), s.getSchoolId()), 0);
                clash = busy.start() < end + needed && start < busy.end() + needed;
            }
            if (!clash) {
                result.add(p);
            }
        }
        return result;
    }

    /** g: the mandate's group limit, at most 1 + the students whose sessions could share a slot with it. */
    static void groupLimits(List<Demand> demands) {
        Map<Object, List<Demand>> byKind = new HashMap<>();
        for (Demand d : demands) {
            Object kind = d.groupKind();
            if (kind != null) {
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(d);
            }
        }
        for (List<Demand> kind : byKind.values()) {
            for (Demand d : kind) {
                Set<UUID> partners = new HashSet<>();
                for (Demand other : kind) {
                    if (!other.studentId.equals(d.studentId) && !partners.contains(other.studentId)
                            && !Collections.disjoint(d.placementSet, other.placementSet)) {
                        partners.add(other.studentId);
                    }
                }
                d.groupLimit = Math.max(1, Math.min(d.sample.maxGroupSize(), 1 + partners.size()));
            }
        }
    }

    /** The flow network and its weighted maximization. */
    private static final class Network {
        private final List<double[]> cap = new ArrayList<>();
        private final List<int[]> arcs = new ArrayList<>(); // {from, to, reverse arc index}
        private final List<List<Integer>> out = new ArrayList<>();
        private final int source;
        private final int sink;
        /** Source arcs of each group size, largest first. */
        private final Map<Integer, List<Integer>> sourceArcsByLimit = new java.util.TreeMap<>(Comparator.reverseOrder());

        Network(ServiceSchedule schedule, List<Demand> demands, List<ServiceSession> providerBusy,
                Map<SchoolPair, Integer> travel) {
            source = node();
            sink = node();
            // segments per day: cut at every candidate's start and end
            Map<DayOfWeek, TreeSet<Integer>> cuts = new java.util.EnumMap<>(DayOfWeek.class);
            for (Demand d : demands) {
                for (Placement p : d.placements) {
                    TreeSet<Integer> c = cuts.computeIfAbsent(p.day(), k -> new TreeSet<>());
                    c.add(p.startMinute());
                    c.add(p.startMinute() + d.minutes);
                }
            }
            Map<DayOfWeek, int[]> segmentStarts = new java.util.EnumMap<>(DayOfWeek.class);
            Map<DayOfWeek, int[]> segmentNodes = new java.util.EnumMap<>(DayOfWeek.class);
            for (Map.Entry<DayOfWeek, TreeSet<Integer>> e : cuts.entrySet()) {
                int[] starts = e.getValue().stream().mapToInt(Integer::intValue).toArray();
                int dayNode = node();
                arc(dayNode, sink, dayCapacity(schedule, e.getKey(), providerBusy, travel));
                int[] nodes = new int[starts.length - 1];
                for (int i = 0; i + 1 < starts.length; i++) {
                    nodes[i] = node();
                    arc(nodes[i], dayNode, starts[i + 1] - starts[i]);
                }
                segmentStarts.put(e.getKey(), starts);
                segmentNodes.put(e.getKey(), nodes);
            }
            // each student's smallest g: their node at a segment may pass len / min g provider minutes
            Map<UUID, Integer> smallestLimit = new HashMap<>();
            for (Demand d : demands) {
                smallestLimit.merge(d.studentId, d.groupLimit, Math::min);
            }
            Map<String, Integer> studentSegment = new HashMap<>();
            for (Demand d : demands) {
                int demandNode = node();
                int sourceArc = arc(source, demandNode, (double) d.sessions * d.minutes / d.groupLimit);
                sourceArcsByLimit.computeIfAbsent(d.groupLimit, k -> new ArrayList<>()).add(sourceArc);
                // the segments any candidate covers
                Map<DayOfWeek, TreeSet<Integer>> covered = new java.util.EnumMap<>(DayOfWeek.class);
                for (Placement p : d.placements) {
                    int[] starts = segmentStarts.get(p.day());
                    int from = java.util.Arrays.binarySearch(starts, p.startMinute());
                    int to = java.util.Arrays.binarySearch(starts, p.startMinute() + d.minutes);
                    TreeSet<Integer> set = covered.computeIfAbsent(p.day(), k -> new TreeSet<>());
                    for (int i = from; i < to; i++) {
                        set.add(i);
                    }
                }
                for (Map.Entry<DayOfWeek, TreeSet<Integer>> e : covered.entrySet()) {
                    int[] starts = segmentStarts.get(e.getKey());
                    int[] nodes = segmentNodes.get(e.getKey());
                    for (int i : e.getValue()) {
                        int length = starts[i + 1] - starts[i];
                        String key = d.studentId + "/" + e.getKey() + "/" + i;
                        Integer studentNode = studentSegment.get(key);
                        if (studentNode == null) {
                            studentNode = node();
                            studentSegment.put(key, studentNode);
                            arc(studentNode, nodes[i], (double) length / smallestLimit.get(d.studentId));
                        }
                        arc(demandNode, studentNode, (double) length / d.groupLimit);
                    }
                }
            }
        }

        /**
         * The provider's minutes that day: the availability windows (less the provider's existing
         * sessions) of whichever windows are used, less what travel between two schools takes beyond
         * the gap between their windows; the best choice of windows. With a daily maximum, also at most
         * the sessions left that day times the longest session.
         */
        private static double dayCapacity(ServiceSchedule schedule, DayOfWeek day, List<ServiceSession> providerBusy,
                                          Map<SchoolPair, Integer> travel) {
            List<AvailabilityWindow> windows = schedule.getAvailability().stream().filter(w -> w.day() == day)
                    .sorted(Comparator.comparingInt(AvailabilityWindow::startMinute)).toList();
            int n = windows.size();
            double[] free = new double[n];
            for (int i = 0; i < n; i++) {
                AvailabilityWindow w = windows.get(i);
                int busy = 0;
                for (ServiceSession s : providerBusy) {
                    if (s.day() == day) {
                        busy += Math.max(0, Math.min(s.end(), w.endMinute()) - Math.max(s.start(), w.startMinute()));
                    }
                }
                free[i] = Math.max(0, w.endMinute() - w.startMinute() - busy);
            }
            // best[i]: the most minutes of a choice of windows ending with window i
            double[] best = new double[n];
            double capacity = 0;
            for (int i = 0; i < n; i++) {
                best[i] = free[i];
                for (int j = 0; j < i; j++) {
                    AvailabilityWindow a = windows.get(j);
                    AvailabilityWindow b = windows.get(i);
                    int needed = a.schoolId().equals(b.schoolId()) ? 0
                            : travel.getOrDefault(SchoolPair.of(a.schoolId(), b.schoolId()), 0);
                    int lost = Math.max(0, needed - Math.max(0, b.startMinute() - a.endMinute()));
                    best[i] = Math.max(best[i], best[j] + Math.max(0, free[i] - lost));
                }
                capacity = Math.max(capacity, best[i]);
            }
            List<DailyLimit> limits = schedule.getDailyLimits();
            if (limits != null && !limits.isEmpty()) {
                int max = limits.get(0).maxSessionsPerDay();
                Set<Object> taken = new HashSet<>();
                int longest = 0;
                for (ServiceSession s : schedule.getSessions()) {
                    if (s.isOwnProvider() && s.isPinned() && s.isPlaced() && s.day() == day) {
                        taken.add(s.providerSlot());
                    }
                    if (s.isOwnProvider() && !s.isPinned()) {
                        longest = Math.max(longest, s.getMinutes());
                    }
                }
                capacity = Math.min(capacity, (double) Math.max(0, max - taken.size()) * longest);
            }
            return capacity;
        }

        private int node() {
            out.add(new ArrayList<>());
            return out.size() - 1;
        }

        private int arc(int from, int to, double capacity) {
            int forward = arcs.size();
            arcs.add(new int[]{from, to, forward + 1});
            cap.add(new double[]{capacity});
            out.get(from).add(forward);
            arcs.add(new int[]{to, from, forward});
            cap.add(new double[]{0});
            out.get(to).add(forward + 1);
            return forward;
        }

        /** Opens the source arcs largest group size first, each time pushing the most flow (Dinic). */
        double maximize() {
            Map<Integer, Double> saved = new HashMap<>();
            for (List<Integer> open : sourceArcsByLimit.values()) {
                for (int a : open) {
                    saved.put(a, cap.get(a)[0]);
                    cap.get(a)[0] = 0;
                }
            }
            double placed = 0;
            for (Map.Entry<Integer, List<Integer>> e : sourceArcsByLimit.entrySet()) {
                for (int a : e.getValue()) {
                    cap.get(a)[0] = saved.get(a);
                }
                double before = 0;
                for (int a : e.getValue()) {
                    before += cap.get(a)[0];
                }
                maxFlow();
                double after = 0;
                for (int a : e.getValue()) {
                    after += cap.get(a)[0];
                }
                placed += (before - after) * e.getKey();
            }
            return placed;
        }

        private void maxFlow() {
            int n = out.size();
            int[] level = new int[n];
            int[] next = new int[n];
            while (true) {
                java.util.Arrays.fill(level, -1);
                level[source] = 0;
                java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
                queue.add(source);
                while (!queue.isEmpty()) {
                    int v = queue.poll();
                    for (int a : out.get(v)) {
                        int w = arcs.get(a)[1];
                        if (level[w] < 0 && cap.get(a)[0] > EPS) {
                            level[w] = level[v] + 1;
                            queue.add(w);
                        }
                    }
                }
                if (level[sink] < 0) {
                    return;
                }
                java.util.Arrays.fill(next, 0);
                while (push(source, Double.MAX_VALUE, level, next) > EPS) {
                    // keep pushing along the level graph
                }
            }
        }

        private double push(int v, double limit, int[] level, int[] next) {
            if (v == sink) {
                return limit;
            }
            List<Integer> arcsOut = out.get(v);
            for (; next[v] < arcsOut.size(); next[v]++) {
                int a = arcsOut.get(next[v]);
                int w = arcs.get(a)[1];
                double c = cap.get(a)[0];
                if (c > EPS && level[w] == level[v] + 1) {
                    double pushed = push(w, Math.min(limit, c), level, next);
                    if (pushed > EPS) {
                        cap.get(a)[0] -= pushed;
                        cap.get(arcs.get(a)[2])[0] += pushed;
                        return pushed;
                    }
                }
            }
            return 0;
        }
    }
}
