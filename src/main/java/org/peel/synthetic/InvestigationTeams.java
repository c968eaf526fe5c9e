package org.peel.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Investigators and their teams in each borough, with PIP levels. Establishment follows the borough's expected
 * caseload for each specialism; the investigators in post fall short of it by the configured shortfall,
 * spread over the teams in proportion to their establishment.
 */
final class InvestigationTeams implements RecordType {

    static final Table TEAM = Table.of("investigation_team", "id", "borough_code", "name", "specialism", "establishment");
    static final Table INVESTIGATOR = Table.of("investigator", "id", "team_id", "display_name", "pip_level", "specialism");
    static final Table ROTA = Table.of("investigator_duty_rota", "investigator_id", "duty_date", "shift_start", "shift_end",
            "imported_at");

    /** Specialisms a fully staffed borough has beyond the generated ones (labels as Peel's investigation spells them). */
    static final String CHILD_ABUSE = "Child abuse";
    static final String FRAUD = "Fraud";

    /** Investigators in post at each PIP level a fully staffed borough's team has: two early, two late. */
    static final int STAFFED_PER_LEVEL = 4;
    /** Investigators at each PIP level of a team on the rota in a borough not fully staffed: one early, one late. */
    static final int COVERED_PER_LEVEL = 2;
    /** A fully staffed borough's rota runs this many days past the generated year, for crimes recorded live. */
    static final int ROTA_DAYS_AHEAD = 56;

    /** Crimes a year one investigator of the specialism carries, and the share of crimes screened in to the team. */
    private static final Map<String, double[]> CASELOAD = Map.of(
            OffenceGroup.VOLUME, new double[]{90, 0.3},
            OffenceGroup.DOMESTIC, new double[]{60, 1},
            OffenceGroup.SEXUAL, new double[]{25, 1},
            OffenceGroup.BURGLARY_ROBBERY, new double[]{150, 1},
            OffenceGroup.MAJOR, new double[]{4, 1});

    /** PIP level mix (levels 1..4) of each specialism. */
    private static final Map<String, double[]> PIP_MIX = Map.of(
            OffenceGroup.VOLUME, new double[]{.7, .3, 0, 0},
            OffenceGroup.DOMESTIC, new double[]{.25, .75, 0, 0},
            OffenceGroup.SEXUAL, new double[]{0, .9, .1, 0},
            OffenceGroup.BURGLARY_ROBBERY, new double[]{.6, .4, 0, 0},
            OffenceGroup.MAJOR, new double[]{0, .5, .4, .1},
            CHILD_ABUSE, new double[]{0, 1, 0, 0},
            FRAUD, new double[]{.5, .5, 0, 0});

    private static final String[] RANKS = {"DC", "DS", "DI", "DCI"};

    @Override
    public String name() {
        return "investigators";
    }

    @Override
    public List<Table> tables() {
        return List.of(TEAM, INVESTIGATOR, ROTA);
    }

    @Override
    public void generate(World world) {
        SplittableRandom rnd = world.random(name());
        List<Area.Borough> boroughs = world.force.boroughs();
        double[] boroughShare = new double[boroughs.size()];
        double population = 0;
        for (Area a : world.force.areas()) {
            boroughShare[a.borough()] += a.population();
            population += a.population();
        }
        double[] bySpecialism = new double[OffenceGroup.SPECIALISMS.length];
        world.force.crimeVolumes().forEach((group, n) -> {
            OffenceGroup g = OffenceGroup.of(group);
            double crimes = world.generation.scale() * n;
            bySpecialism[index(OffenceGroup.DOMESTIC)] += crimes * g.domesticShare();
            bySpecialism[index(g.specialism())] += crimes * (1 - g.domesticShare());
        });
        List<double[]> establishment = new ArrayList<>();
        double[] weights = new double[boroughs.size() * OffenceGroup.SPECIALISMS.length];
        long totalEstablishment = 0;
        for (int b = 0; b < boroughs.size(); b++) {
            for (int s = 0; s < OffenceGroup.SPECIALISMS.length; s++) {
                double[] load = CASELOAD.get(OffenceGroup.SPECIALISMS[s]);
                long e = Math.max(1, Math.round(bySpecialism[s] * boroughShare[b] / population * load[1] / load[0]));
                weights[b * OffenceGroup.SPECIALISMS.length + s] = e;
                totalEstablishment += e;
                establishment.add(new double[]{b, s, e});
            }
        }
        long[] inPost = Weighted.apportion(Math.round(totalEstablishment * (1 - world.settings.investigatorShortfall())), weights);
        TableOutput teams = world.out(TEAM);
        TableOutput investigators = world.out(INVESTIGATOR);
        TableOutput rota = world.out(ROTA);
        // a fully staffed borough has the child abuse and fraud teams too, which the generated mix leaves central;
        // where every borough is on the rota (the demo), every other borough has a child abuse team of one pair,
        // as forces run child abuse investigation teams locally, so a child's crime is owned at recording anywhere
        for (int b = 0; b < boroughs.size(); b++) {
            if (world.generation.fullyStaffed().contains(boroughs.get(b).code())) {
                for (String extra : new String[]{CHILD_ABUSE, FRAUD}) {
                    establishment.add(new double[]{b, -1 - (extra.equals(CHILD_ABUSE) ? 0 : 1), STAFFED_PER_LEVEL});
                }
            } else if (world.generation.rotaEverywhere()) {
                establishment.add(new double[]{b, -1, COVERED_PER_LEVEL});
            }
        }
        long team = 0;
        long officer = 0;
        for (int t = 0; t < establishment.size(); t++) {
            int b = (int) establishment.get(t)[0];
            int sIndex = (int) establishment.get(t)[1];
            String specialism = sIndex >= 0 ? OffenceGroup.SPECIALISMS[sIndex] : sIndex == -1 ? CHILD_ABUSE : FRAUD;
            boolean staffed = world.generation.fullyStaffed().contains(boroughs.get(b).code());
            boolean onRota = staffed || world.generation.rotaEverywhere();
            String teamId = world.id("TM", ++team);
            teams.text(teamId).text(boroughs.get(b).code()).text(boroughs.get(b).name() + " " + specialism.toLowerCase(Locale.ROOT))
                    .text(specialism).number((long) establishment.get(t)[2]).end();
            Weighted pip = new Weighted(PIP_MIX.get(specialism));
            List<String> ids = world.investigators.computeIfAbsent(b + "|" + specialism, k -> new ArrayList<>());
            List<Integer> levels = new ArrayList<>();
            for (int i = 0; t < inPost.length && i < inPost[t]; i++) {
                levels.add(pip.draw(rnd) + 1);
            }
            if (onRota) {
                // a fully staffed team: full establishment, and at least STAFFED_PER_LEVEL at each level its mix has;
                // any other team on the rota: at least COVERED_PER_LEVEL, one on earlies and one on lates
                double[] mix = PIP_MIX.get(specialism);
                while (staffed && levels.size() < establishment.get(t)[2]) {
                    levels.add(pip.draw(rnd) + 1);
                }
                int perLevel = staffed ? STAFFED_PER_LEVEL : COVERED_PER_LEVEL;
                for (int level = 1; level <= mix.length; level++) {
                    final int l = level;
                    long have = levels.stream().filter(x -> x == l).count();
                    for (long k = have; mix[level - 1] > 0 && k < perLevel; k++) {
                        levels.add(level);
                    }
                }
            }
            int[] atLevel = new int[5];
            for (int level : levels) {
                boolean male = rnd.nextDouble() < 0.6;
                List<String> forenames = male ? Names.MALE_FORENAMES : Names.FEMALE_FORENAMES;
                String id = world.id("INV", ++officer);
                investigators.text(id).text(teamId)
                        .text(RANKS[level - 1] + " " + forenames.get(rnd.nextInt(forenames.size())).charAt(0) + ". "
                                + Names.SURNAMES.get(rnd.nextInt(Names.SURNAMES.size())))
                        .number(level).text(specialism).end();
                ids.add(id);
                if (onRota) {
                    rota(world, rota, id, atLevel[level]++, !staffed, t);
                }
            }
        }
    }

    /**
     * Four days on, four off; the n-th investigator at a level works earlies (07:00 to 17:00) when n is even and lates
     * (14:00 to midnight) when odd, the pairs four days apart, so that a fully staffed level has someone on from 07:00
     * to midnight every day and nobody overnight (when the duty detective and the next shift take new crimes). In a
     * team with only a pair at a level ({@code pairOnly}) the late works the early's days off, so someone is on every
     * day. Each team's cycle starts on a different day ({@code team}), so neighbouring boroughs are not all off at once.
     */
    private static void rota(World world, TableOutput rota, String investigatorId, int n, boolean pairOnly, int team) {
        long first = world.start.toEpochDay();
        long last = world.end.toEpochDay() + ROTA_DAYS_AHEAD;
        int offset = (n / 2 % 2) * 4 + (pairOnly && n % 2 == 1 ? 4 : 0) + team * 3;
        boolean early = n % 2 == 0;
        long importedAt = first * 86_400L;
        for (long day = first; day < last; day++) {
            if (Math.floorMod(day - first + offset, 8) < 4) {
                rota.text(investigatorId).date((int) day).text(early ? "07:00" : "14:00").text(early ? "17:00" : "00:00")
                        .time(importedAt).end();
            }
        }
    }

    private static int index(String specialism) {
        for (int i = 0; i < OffenceGroup.SPECIALISMS.length; i++) {
            if (OffenceGroup.SPECIALISMS[i].equals(specialism)) {
                return i;
            }
        }
        throw new IllegalArgumentException(specialism);
    }
}
