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
            OffenceGroup.MAJOR, new double[]{0, .5, .4, .1});

    private static final String[] RANKS = {"DC", "DS", "DI", "DCI"};

    @Override
    public String name() {
        return "investigators";
    }

    @Override
    public List<Table> tables() {
        return List.of(TEAM, INVESTIGATOR);
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
        long team = 0;
        long officer = 0;
        for (int t = 0; t < establishment.size(); t++) {
            int b = (int) establishment.get(t)[0];
            String specialism = OffenceGroup.SPECIALISMS[(int) establishment.get(t)[1]];
            String teamId = world.id("TM", ++team);
            teams.text(teamId).text(boroughs.get(b).code()).text(boroughs.get(b).name() + " " + specialism.toLowerCase(Locale.ROOT))
                    .text(specialism).number((long) establishment.get(t)[2]).end();
            Weighted pip = new Weighted(PIP_MIX.get(specialism));
            List<String> ids = world.investigators.computeIfAbsent(b + "|" + specialism, k -> new ArrayList<>());
            for (int i = 0; i < inPost[t]; i++) {
                int level = pip.draw(rnd) + 1;
                boolean male = rnd.nextDouble() < 0.6;
                List<String> forenames = male ? Names.MALE_FORENAMES : Names.FEMALE_FORENAMES;
                String id = world.id("INV", ++officer);
                investigators.text(id).text(teamId)
                        .text(RANKS[level - 1] + " " + forenames.get(rnd.nextInt(forenames.size())).charAt(0) + ". "
                                + Names.SURNAMES.get(rnd.nextInt(Names.SURNAMES.size())))
                        .number(level).text(specialism).end();
                ids.add(id);
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
