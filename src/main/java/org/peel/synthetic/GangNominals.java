package org.peel.synthetic;

import org.peel.organisedcrime.GangHarmAssessment;
import org.peel.organisedcrime.GangMatrix;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The gangs matrix: people considered for it (mostly the force's young suspects, some of them victims too, and a few
 * only ever victims), their involvements with sources, and the decision of their last two reviews made by Peel's own
 * harm assessment ({@link GangHarmAssessment}): included with a review date, not included, or removed at the last
 * review (score fallen to 0, or no longer corroborated). Reviews fall behind now and then, so some people on the
 * matrix are past their review date. Ethnic group is drawn in the proportions of the 2011 Census for London, so the
 * synthetic matrix carries no disproportionality of its own; the equality report shows what a real one would.
 */
final class GangNominals implements RecordType {

    /** People considered for the matrix per million residents (the Met's matrix held about 3,800 in 2017). */
    static final int CONSIDERED_PER_MILLION = 600;

    static final Table NOMINAL = Table.of("gang_nominal", "id", "gang_name", "borough_code", "ethnicity", "status",
            "score", "sources", "reasons", "review_due", "last_reviewed", "removed_on", "removal_reason",
            "dpia_reference", "recorded_by", "recorded_at");
    static final Table INVOLVEMENT = Table.of("gang_involvement", "nominal_id", "kind", "role", "occurred_on", "source",
            "recorded_by", "recorded_at");

    private static final String[] KINDS = {"weapons", "violence", "drugs supply", "other"};
    private static final Weighted KIND = Weighted.of(15, 35, 35, 15);
    /** London, 2011 Census: White, Mixed, Asian, Black, Other; then not stated. */
    private static final Weighted ETHNICITY = Weighted.of(568, 48, 175, 126, 33, 50);
    private static final String[] GANG_ENDINGS = {"Boys", "Crew", "Youngers", "Gang", "Mandem"};
    static final String DPIA = "DPIA-GANGS-1 (synthetic)";

    @Override
    public String name() {
        return "gangs";
    }

    @Override
    public List<Table> tables() {
        return List.of(NOMINAL, INVOLVEMENT);
    }

    @Override
    public void generate(World world) {
        SplittableRandom rnd = world.random(name());
        GangMatrix.Settings settings = GangMatrix.Settings.defaults();
        GangHarmAssessment.Settings harm = settings.harm();
        int today = (int) world.end.toEpochDay() - 1;
        long considered = Math.max(1, world.scaled(world.force.population() * CONSIDERED_PER_MILLION / 1_000_000.0));
        for (long n = 1; n <= considered; n++) {
            String id = world.id("GM", n);
            int area = world.places.draw(null, rnd);
            Area place = world.places.area(area);
            boolean victimOnly = rnd.nextInt(100) < 12;
            int person = !victimOnly && !world.suspects.isEmpty() && rnd.nextDouble() < 0.7
                    ? world.suspects.draw(rnd)
                    : world.people.resident(area, rnd, 14, 30, rnd.nextDouble() < 0.85 ? Boolean.TRUE : null);
            String gang = Names.STREET_STEMS.get(rnd.nextInt(Names.STREET_STEMS.size())) + " "
                    + GANG_ENDINGS[rnd.nextInt(GANG_ENDINGS.length)];

            // involvements over the last three years, each from its own source or (now and then) the same one
            List<GangHarmAssessment.Involvement> all = new ArrayList<>();
            int count = 1 + rnd.nextInt(4);
            for (int k = 0; k < count; k++) {
                int day = today - rnd.nextInt(3 * 365);
                GangHarmAssessment.Role role = victimOnly || rnd.nextInt(100) < 15
                        ? GangHarmAssessment.Role.VICTIM : GangHarmAssessment.Role.PERPETRATOR;
                String source = k > 0 && rnd.nextInt(100) < 25 ? all.get(k - 1).source()
                        : (rnd.nextBoolean() ? "crime " : "intelligence ") + id + "-" + (k + 1);
                all.add(new GangHarmAssessment.Involvement(KINDS[KIND.draw(rnd)], role, LocalDate.ofEpochDay(day),
                        source));
            }

            // the last two reviews: the earlier one decides whether they were on the matrix, the last one now
            int lastReview = today - rnd.nextInt(settings.reviewDays() + 45);
            int earlier = lastReview - settings.reviewDays();
            GangHarmAssessment.Decision before = GangHarmAssessment.assess(all, null, false,
                    LocalDate.ofEpochDay(earlier), harm);
            GangHarmAssessment.Decision now = GangHarmAssessment.assess(all, null, before.include(),
                    LocalDate.ofEpochDay(lastReview), harm);
            String status = now.include() ? "included" : before.include() ? "removed" : "not included";
            String why = now.reasons().isEmpty() ? null : now.reasons().get(now.reasons().size() - 1);
            int sources = sources(all, lastReview, harm.windowDays());
            int firstSeen = all.stream().mapToInt(i -> (int) i.on().toEpochDay()).min().orElse(earlier);
            long recordedAt = Math.min(firstSeen, earlier) * 86_400L + 10 * 3600 + rnd.nextInt(8 * 3600);
            world.person(person, "gang", id, place.boroughCode(), "gang nominal", recordedAt, rnd);
            world.out(NOMINAL).text(id).text(gang).text(place.boroughCode())
                    .text(GangMatrix.ETHNICITIES.get(ETHNICITY.draw(rnd))).text(status).number(now.score())
                    .number(sources).text(json(now.reasons()))
                    .date(now.include() ? lastReview + settings.reviewDays() : lastReview)
                    .date(now.include() ? lastReview : earlier)
                    .date("removed".equals(status) ? lastReview : Integer.MIN_VALUE)
                    .text("removed".equals(status) ? why : null).text(DPIA).text(RecordingPasses.ACTOR)
                    .time(recordedAt).end();
            for (GangHarmAssessment.Involvement i : all) {
                long at = i.on().toEpochDay() * 86_400L + 12 * 3600 + rnd.nextInt(6 * 3600);
                world.out(INVOLVEMENT).text(id).text(i.kind()).text(i.role().name().toLowerCase(java.util.Locale.ROOT))
                        .date((int) i.on().toEpochDay()).text(i.source()).text(RecordingPasses.ACTOR).time(at).end();
            }
        }
    }

    private static int sources(List<GangHarmAssessment.Involvement> all, int day, int window) {
        Set<String> s = new HashSet<>();
        for (GangHarmAssessment.Involvement i : all) {
            long on = i.on().toEpochDay();
            if (i.role() == GangHarmAssessment.Role.PERPETRATOR && on <= day && on >= day - window) {
                s.add(i.source());
            }
        }
        return s.size();
    }

    private static String json(Object value) {
        try {
            return org.peel.web.ApiJson.MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
