package org.peel.synthetic;

import de.siegmar.fastcsv.writer.CsvWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A synthetic nation for national identity resolution: people known to several forces. Each person lives in a home
 * force; some move to another force (a new address there), and some offend while away from home, so one person has
 * records in two or three forces, each force recording them its own way (a nickname, a misspelt surname, a date of
 * birth with day and month swapped, a missing postcode). The ground truth says which records are one person.
 * Deterministic for a seed.
 *
 * @param forces  the forces, in order
 * @param records every force's person records, force by force, each with its true person
 */
public record SyntheticNation(List<Force> forces, List<Recorded> records) {

    /** A force of the nation: its name, the file its export goes to, and where its people live. */
    public record Force(String name, String key, List<String> towns, List<String> postcodeAreas) {
    }

    /** One person record in one force, with the person it truly is. */
    public record Recorded(String force, String recordId, String givenName, String surname, LocalDate dob, String sex,
                           String address, String postcode, String city, String email, String phone, String person) {
    }

    /** The columns of a force's export, as {@code peel national link} reads them. */
    public static final List<String> COLUMNS = List.of("record_id", "given_name", "surname", "dob", "sex", "address",
            "postcode", "city", "email", "phone");

    /** The forces a nation is drawn from, first K of them for K forces. */
    static final List<Force> FORCES = List.of(
            new Force("Metropolitan Police", "metropolitan", List.of("London"), List.of("E", "N", "SE", "SW", "NW", "W")),
            new Force("Kent", "kent", List.of("Maidstone", "Canterbury", "Ashford", "Dartford"), List.of("ME", "CT", "TN", "DA")),
            new Force("Essex", "essex", List.of("Chelmsford", "Colchester", "Basildon", "Harlow"), List.of("CM", "CO", "SS")),
            new Force("West Midlands", "west-midlands", List.of("Birmingham", "Coventry", "Wolverhampton"), List.of("B", "CV", "WV")),
            new Force("Greater Manchester", "greater-manchester", List.of("Manchester", "Salford", "Bolton", "Wigan"), List.of("M", "BL", "WN", "OL")),
            new Force("West Yorkshire", "west-yorkshire", List.of("Leeds", "Bradford", "Wakefield", "Huddersfield"), List.of("LS", "BD", "WF", "HD")),
            new Force("Merseyside", "merseyside", List.of("Liverpool", "St Helens", "Birkenhead"), List.of("L", "WA", "CH")),
            new Force("Thames Valley", "thames-valley", List.of("Oxford", "Reading", "Milton Keynes", "Slough"), List.of("OX", "RG", "MK", "SL")),
            new Force("Avon and Somerset", "avon-and-somerset", List.of("Bristol", "Bath", "Taunton"), List.of("BS", "BA", "TA")),
            new Force("Northumbria", "northumbria", List.of("Newcastle upon Tyne", "Sunderland", "Gateshead"), List.of("NE", "SR")),
            new Force("South Wales", "south-wales", List.of("Cardiff", "Swansea", "Bridgend"), List.of("CF", "SA")),
            new Force("Sussex", "sussex", List.of("Brighton", "Crawley", "Eastbourne", "Worthing"), List.of("BN", "RH")));

    /** Most forces a nation can have here. */
    public static final int MAX_FORCES = FORCES.size();

    /**
     * About {@code records} person records over the first {@code forceCount} forces.
     *
     * @param movedShare share of people who move to another force and are recorded there too
     * @param awayShare  share of records made in a force other than the person's own at the time (offending away)
     */
    public static SyntheticNation generate(int records, int forceCount, long seed, double movedShare, double awayShare) {
        if (forceCount < 1 || forceCount > MAX_FORCES) {
            throw new IllegalArgumentException("--forces must be between 1 and " + MAX_FORCES + ", not " + forceCount);
        }
        if (records < 1) {
            throw new IllegalArgumentException("--records must be at least 1, not " + records);
        }
        List<Force> forces = FORCES.subList(0, forceCount);
        SplittableRandom rnd = new SplittableRandom(seed);
        Weighted surnames = Weighted.of(Weighted.zipf(Names.SURNAMES.size(), 1.0, 2));
        Weighted male = Weighted.of(Weighted.zipf(Names.MALE_FORENAMES.size(), 1.0, 2));
        Weighted female = Weighted.of(Weighted.zipf(Names.FEMALE_FORENAMES.size(), 1.0, 2));
        // forces sized roughly as real ones are: the first (the Met) largest
        Weighted forceOf = Weighted.of(Weighted.zipf(forceCount, 0.6, 1));
        List<List<Recorded>> byForce = new ArrayList<>();
        int[] sequence = new int[forceCount];
        for (int f = 0; f < forceCount; f++) {
            byForce.add(new ArrayList<>());
        }
        int made = 0;
        int person = 0;
        while (made < records) {
            person++;
            String id = String.format(Locale.ROOT, "P%08d", person);
            boolean isMale = rnd.nextBoolean();
            String given = isMale ? Names.MALE_FORENAMES.get(male.draw(rnd)) : Names.FEMALE_FORENAMES.get(female.draw(rnd));
            String surname = Names.SURNAMES.get(surnames.draw(rnd));
            LocalDate dob = LocalDate.of(1950, 1, 1).plusDays(rnd.nextInt(365 * 56));
            String phone = rnd.nextDouble() < 0.5 ? String.format(Locale.ROOT, "07%03d %06d", 700 + rnd.nextInt(300), rnd.nextInt(1_000_000)) : null;
            String email = rnd.nextDouble() < 0.2 ? (given + "." + surname + rnd.nextInt(100) + "@example.org").toLowerCase(Locale.ROOT) : null;
            int home = forceOf.draw(rnd);
            Home first = home(forces.get(home), rnd);
            int movedTo = forceCount > 1 && rnd.nextDouble() < movedShare ? other(home, forceCount, rnd) : -1;
            Home second = movedTo < 0 ? null : home(forces.get(movedTo), rnd);
            // records per person: 1 + geometric, about 2 on average
            int n = 1;
            while (rnd.nextDouble() < 0.5 && n < 8) {
                n++;
            }
            for (int k = 0; k < n && made < records; k++) {
                boolean afterMove = second != null && k >= (n + 1) / 2;
                int livesIn = afterMove ? movedTo : home;
                Home h = afterMove ? second : first;
                int recordedBy = forceCount > 1 && rnd.nextDouble() < awayShare ? other(livesIn, forceCount, rnd) : livesIn;
                Force f = forces.get(recordedBy);
                String recordId = String.format(Locale.ROOT, "%s-%07d", f.key(), ++sequence[recordedBy]);
                byForce.get(recordedBy).add(vary(new Recorded(f.name(), recordId, given, surname, dob, isMale ? "M" : "F",
                        h.address(), h.postcode(), h.town(), email, phone, id), rnd));
                made++;
            }
        }
        List<Recorded> all = new ArrayList<>(made);
        byForce.forEach(all::addAll);
        return new SyntheticNation(List.copyOf(forces), List.copyOf(all));
    }

    private record Home(String address, String postcode, String town) {
    }

    private static Home home(Force f, SplittableRandom rnd) {
        String street = Names.STREET_STEMS.get(rnd.nextInt(Names.STREET_STEMS.size())) + " "
                + Names.STREET_SUFFIXES.get(rnd.nextInt(Names.STREET_SUFFIXES.size()));
        String area = f.postcodeAreas().get(rnd.nextInt(f.postcodeAreas().size()));
        String postcode = area + (1 + rnd.nextInt(20)) + " " + rnd.nextInt(10)
                + (char) ('A' + rnd.nextInt(26)) + (char) ('A' + rnd.nextInt(26));
        return new Home((1 + rnd.nextInt(200)) + " " + street, postcode, f.towns().get(rnd.nextInt(f.towns().size())));
    }

    private static int other(int force, int forceCount, SplittableRandom rnd) {
        int o = rnd.nextInt(forceCount - 1);
        return o >= force ? o + 1 : o;
    }

    /** The record as one force wrote it down: usually as the person is, sometimes not quite. */
    private static Recorded vary(Recorded r, SplittableRandom rnd) {
        String given = r.givenName();
        String surname = r.surname();
        LocalDate dob = r.dob();
        String postcode = r.postcode();
        String phone = r.phone();
        String email = r.email();
        String address = r.address();
        if (rnd.nextDouble() < 0.06 && Names.NICKNAMES.containsKey(given)) {
            List<String> nick = Names.NICKNAMES.get(given);
            given = nick.get(rnd.nextInt(nick.size()));
        } else if (rnd.nextDouble() < 0.06) {
            given = typo(given, rnd);
        }
        if (rnd.nextDouble() < 0.08) {
            surname = typo(surname, rnd);
        }
        double d = rnd.nextDouble();
        if (d < 0.03 && dob.getDayOfMonth() <= 12) {
            dob = LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue());
        } else if (d < 0.07) {
            dob = dob.plusDays(1 + rnd.nextInt(3));
        } else if (d < 0.09) {
            dob = null;
        }
        if (rnd.nextDouble() < 0.15) {
            postcode = null;
        }
        if (rnd.nextDouble() < 0.10) {
            address = null;
        }
        if (rnd.nextDouble() < 0.4) {
            phone = null;
        }
        if (rnd.nextDouble() < 0.5) {
            email = null;
        }
        return new Recorded(r.force(), r.recordId(), given, surname, dob, r.sex(), address, postcode, r.city(), email,
                phone, r.person());
    }

    private static String typo(String s, SplittableRandom rnd) {
        if (s.length() < 3) {
            return s;
        }
        int i = 1 + rnd.nextInt(s.length() - 2);
        return switch (rnd.nextInt(3)) {
            case 0 -> s.substring(0, i) + s.substring(i + 1);
            case 1 -> s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
            default -> s.substring(0, i) + (char) ('a' + rnd.nextInt(26)) + s.substring(i + 1);
        };
    }

    /**
     * Writes one CSV per force ({@code <force key>.csv}, {@link #COLUMNS}) into the folder, and the ground truth
     * ({@code truth/ground_truth_people.csv}: force, record_id, person) below it, apart from the exports.
     */
    public void writeCsv(Path dir) {
        try {
            Files.createDirectories(dir.resolve("truth"));
            for (Force f : forces) {
                try (CsvWriter w = CsvWriter.builder().build(dir.resolve(f.key() + ".csv"), StandardCharsets.UTF_8)) {
                    w.writeRecord(COLUMNS);
                    for (Recorded r : records) {
                        if (r.force().equals(f.name())) {
                            w.writeRecord(r.recordId(), r.givenName(), r.surname(), r.dob() == null ? "" : r.dob().toString(),
                                    r.sex(), blank(r.address()), blank(r.postcode()), blank(r.city()), blank(r.email()),
                                    blank(r.phone()));
                        }
                    }
                }
            }
            try (CsvWriter w = CsvWriter.builder().build(dir.resolve("truth").resolve("ground_truth_people.csv"),
                    StandardCharsets.UTF_8)) {
                w.writeRecord("force", "record_id", "person");
                for (Recorded r : records) {
                    w.writeRecord(r.force(), r.recordId(), r.person());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the synthetic nation to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** How many true persons have records in more than one force. */
    public long personsInSeveralForces() {
        java.util.Map<String, java.util.Set<String>> forcesOf = new java.util.HashMap<>();
        for (Recorded r : records) {
            forcesOf.computeIfAbsent(r.person(), k -> new java.util.HashSet<>()).add(r.force());
        }
        return forcesOf.values().stream().filter(s -> s.size() > 1).count();
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
