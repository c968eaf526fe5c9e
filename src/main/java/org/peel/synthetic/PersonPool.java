package org.peel.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The true people of the synthetic force, living in households in its areas. Held as parallel arrays
 * (a Met-scale pool is over a million people) and turned into text only when a record needs them.
 * Their canonical details are the ground truth; records show them as recorded, with variation.
 */
final class PersonPool {

    private static final List<String> SURNAME_TAIL_STEMS = List.of("Ash", "Oak", "Elm", "Brook", "Mill", "Hol",
            "Thorn", "Black", "Whit", "Brad", "Ather", "Hal", "Cal", "Mar", "Stan", "Bur", "Har", "Wil", "Fair", "Hart",
            "Cart", "Sel", "Ken", "Lang", "Mid", "Nor", "Pen", "Rad", "Sher", "Tad", "Wel", "Ward", "Bel", "Dun",
            "Gal", "Hux", "Kel", "Lid", "Mor", "Ran");
    private static final List<String> SURNAME_TAIL_ENDINGS = List.of(
            "ton", "ley", "worth", "field", "ford", "by", "well", "wood", "ham", "croft", "shaw", "ridge");
    private static final String POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
    /**
     * Chance that a child living with an older brother or sister is that sibling's twin: about 1.6% of maternities
     * in England and Wales are multiple births (ONS, Births in England and Wales), so about 3% of children are twins.
     */
    static final double TWIN_SHARE = 0.03;
    /**
     * Chance that a son living with his father has his father's forename (a "junior"); no official figure exists
     * for England and Wales, and about 3% of American men are juniors, so 3% is if anything generous.
     */
    static final double NAMED_AFTER_FATHER = 0.03;

    private final List<String> surnames;
    private final List<String> male = List.copyOf(new LinkedHashSet<>(Names.MALE_FORENAMES));
    private final List<String> female = List.copyOf(new LinkedHashSet<>(Names.FEMALE_FORENAMES));
    private final List<Area> areas;
    private final List<String> postcodeAreas;
    private final boolean london;
    private final int referenceDay;

    final int size;
    private final short[] forename;
    private final short[] middle;
    private final int[] surname;
    private final boolean[] isMale;
    private final int[] dob;
    private final int[] area;
    private final byte[] street;
    private final short[] house;
    private final short[] flat;
    private final long[] phone;
    private final int[] areaStart;
    private final int[] areaCount;

    PersonPool(List<Area> areas, List<Area.Borough> boroughs, int size, int referenceDay, SplittableRandom rnd) {
        this.areas = areas;
        this.referenceDay = referenceDay;
        this.size = size;
        List<String> names = new ArrayList<>(new LinkedHashSet<>(Names.SURNAMES));
        // a long tail of rare English-looking surnames, so that not everyone shares one of a few hundred names
        for (String stem : SURNAME_TAIL_STEMS) {
            for (String ending : SURNAME_TAIL_ENDINGS) {
                names.add(stem + ending);
            }
        }
        this.surnames = names;
        this.london = boroughs.stream().allMatch(b -> b.code().startsWith("E09"));
        this.postcodeAreas = new ArrayList<>();
        for (Area.Borough b : boroughs) {
            String letters = b.name().toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
            postcodeAreas.add(letters.substring(0, 1) + letters.charAt(Math.min(letters.length() - 1, 2)));
        }
        forename = new short[size];
        middle = new short[size];
        surname = new int[size];
        isMale = new boolean[size];
        dob = new int[size];
        area = new int[size];
        street = new byte[size];
        house = new short[size];
        flat = new short[size];
        phone = new long[size];
        areaStart = new int[areas.size()];
        areaCount = new int[areas.size()];
        populate(rnd);
    }

    private void populate(SplittableRandom rnd) {
        int commonNames = new LinkedHashSet<>(Names.SURNAMES).size();
        Weighted common = new Weighted(Weighted.zipf(commonNames, 0.95, 8));
        int tail = surnames.size() - commonNames;
        Weighted maleNames = new Weighted(Weighted.zipf(male.size(), 1.0, 4));
        Weighted femaleNames = new Weighted(Weighted.zipf(female.size(), 1.0, 4));
        Weighted householdSize = Weighted.of(0, 0.30, 0.34, 0.16, 0.13, 0.05, 0.02);
        long[] perArea = Weighted.apportion(size, areas.stream().mapToDouble(Area::population).toArray());
        int p = 0;
        for (int a = 0; a < areas.size(); a++) {
            areaStart[a] = p;
            areaCount[a] = (int) perArea[a];
            int end = p + (int) perArea[a];
            while (p < end) {
                int members = Math.min(householdSize.draw(rnd), end - p);
                int familyName = rnd.nextDouble() < 0.88 ? common.draw(rnd) : commonNames + rnd.nextInt(tail);
                byte homeStreet = (byte) rnd.nextInt(8);
                short homeHouse = (short) (1 + rnd.nextInt(rnd.nextDouble() < 0.7 ? 120 : 400));
                short homeFlat = (short) (rnd.nextDouble() < 0.25 ? 1 + rnd.nextInt(24) : 0);
                long landline = rnd.nextDouble() < 0.45 ? landline(rnd) : 0;
                int headAge = 18 + Math.min(rnd.nextInt(60) + rnd.nextInt(25), 80);
                boolean headMale = rnd.nextDouble() < 0.48;
                boolean previousChild = false;
                for (int m = 0; m < members; m++, p++) {
                    boolean partner = m == 1 && rnd.nextDouble() < 0.75;
                    int age = m == 0 ? headAge : partner ? Math.max(18, headAge + rnd.nextInt(11) - 5)
                            : headAge < 50 ? rnd.nextInt(Math.max(1, Math.min(18, headAge - 16))) : 18 + rnd.nextInt(Math.max(1, headAge - 35));
                    boolean male = m == 0 ? headMale : partner ? (rnd.nextDouble() < 0.95) != headMale : rnd.nextBoolean();
                    isMale[p] = male;
                    forename[p] = (short) (male ? maleNames.draw(rnd) : femaleNames.draw(rnd));
                    int second = rnd.nextDouble() < 0.45 ? (male ? maleNames.draw(rnd) : femaleNames.draw(rnd)) : -1;
                    // Nobody is "David David Wilson": a middle name drawn equal to the given name is left out, with no
                    // redraw, so every later draw (and so every seeded force) stays as it was.
                    middle[p] = (short) (second == forename[p] ? -1 : second);
                    surname[p] = partner && rnd.nextDouble() < 0.25
                            ? (rnd.nextDouble() < 0.88 ? common.draw(rnd) : commonNames + rnd.nextInt(tail)) : familyName;
                    dob[p] = referenceDay - age * 365 - rnd.nextInt(365);
                    area[p] = a;
                    street[p] = homeStreet;
                    house[p] = homeHouse;
                    flat[p] = homeFlat;
                    phone[p] = age >= 12 && rnd.nextDouble() < 0.9 ? mobile(rnd) : landline;
                    boolean child = m > 0 && !partner;
                    // the people identity resolution must not join: twins and a son named after his father. Decided
                    // by hash, not by the stream, so that every other detail of the force stays as it was
                    if (child && previousChild && Mix.pick(p + 31L * dob[p - 1], 31, 10_000) < TWIN_SHARE * 10_000) {
                        dob[p] = dob[p - 1];
                        if (forename[p] == forename[p - 1] && isMale[p] == isMale[p - 1]) {
                            int names = (isMale[p] ? this.male : this.female).size();
                            forename[p] = (short) ((forename[p] + 1 + Mix.pick(p, 32, names - 1)) % names);
                        }
                    } else if (child && male && isMale[p - m]
                            && Mix.pick(p + 31L * dob[p - m], 33, 10_000) < NAMED_AFTER_FATHER * 10_000) {
                        forename[p] = forename[p - m];
                    }
                    previousChild = child;
                }
            }
        }
    }

    private static long mobile(SplittableRandom rnd) {
        return 7_000_000_000L + 100_000_000L * (1 + rnd.nextInt(9)) + rnd.nextInt(100_000_000);
    }

    private long landline(SplittableRandom rnd) {
        return london ? 2_070_000_000L + (rnd.nextBoolean() ? 0 : 10_000_000L) + rnd.nextInt(10_000_000)
                : 1_000_000_000L + rnd.nextInt(1_000_000_000);
    }

    // ---- who lives where

    int area(int p) {
        return area[p];
    }

    int ageYears(int p, int onDay) {
        return (int) ((onDay - dob[p]) / 365.25);
    }

    boolean male(int p) {
        return isMale[p];
    }

    /** Someone living in the area (anyone, if the area is empty at a small scale). */
    int resident(int a, SplittableRandom rnd) {
        return areaCount[a] > 0 ? areaStart[a] + rnd.nextInt(areaCount[a]) : rnd.nextInt(size);
    }

    /** A resident of the area within the ages (and of the sex, if given), or the nearest thing found. */
    int resident(int a, SplittableRandom rnd, int minAge, int maxAge, Boolean male) {
        int p = resident(a, rnd);
        for (int tries = 0; tries < 40; tries++) {
            int age = ageYears(p, referenceDay);
            if (age >= minAge && age <= maxAge && (male == null || isMale[p] == male)) {
                return p;
            }
            p = tries < 20 ? resident(a, rnd) : rnd.nextInt(size);
        }
        return p;
    }

    /** Another adult at the same address, if there is one. */
    int householdPartner(int p) {
        for (int q : new int[]{p - 1, p + 1}) {
            if (q >= 0 && q < size && area[q] == area[p] && house[q] == house[p] && street[q] == street[p]
                    && ageYears(q, referenceDay) >= 16 && isMale[q] != isMale[p]) {
                return q;
            }
        }
        return -1;
    }

    // ---- canonical details, as they would be recorded perfectly

    String forenames(int p) {
        String first = (isMale[p] ? male : female).get(forename[p]);
        return middle[p] < 0 ? first : first + " " + (isMale[p] ? male : female).get(middle[p]);
    }

    String firstForename(int p) {
        return (isMale[p] ? male : female).get(forename[p]);
    }

    String surname(int p) {
        return surnames.get(surname[p]);
    }

    int dateOfBirth(int p) {
        return dob[p];
    }

    String sex(int p) {
        return isMale[p] ? "M" : "F";
    }

    String address(int p) {
        return address(area[p], street[p], house[p], flat[p]);
    }

    String postcode(int p) {
        return postcode(area[p], street[p]);
    }

    /** Where the person lived before (or since): fixed for the person, so every such record agrees. */
    String otherAddress(int p) {
        int a = Mix.pick(p, 11, areas.size());
        return address(a, Mix.pick(p, 12, 8), 1 + Mix.pick(p, 13, 150), Mix.pick(p, 14, 4) == 0 ? 1 + Mix.pick(p, 15, 20) : 0);
    }

    String otherPostcode(int p) {
        return postcode(Mix.pick(p, 11, areas.size()), Mix.pick(p, 12, 8));
    }

    String phone(int p) {
        return phone[p] == 0 ? null : formatPhone(phone[p]);
    }

    long phoneNumber(int p) {
        return phone[p];
    }

    static String formatPhone(long n) {
        String digits = "0" + n;
        if (digits.startsWith("07")) {
            return digits.substring(0, 5) + " " + digits.substring(5);
        }
        if (digits.startsWith("020")) {
            return digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7);
        }
        return digits.substring(0, 5) + " " + digits.substring(5);
    }

    private String address(int a, int streetNo, int houseNo, int flatNo) {
        int stems = Names.STREET_STEMS.size();
        int suffixes = Names.STREET_SUFFIXES.size();
        int street = Mix.pick(a, streetNo, stems * suffixes);
        String name = houseNo + " " + Names.STREET_STEMS.get(street % stems) + " " + Names.STREET_SUFFIXES.get(street / stems);
        return flatNo > 0 ? "Flat " + flatNo + ", " + name : name;
    }

    private String postcode(int a, int streetNo) {
        long h = Mix.hash(a, 100 + streetNo);
        String outward = postcodeAreas.get(areas.get(a).borough()) + (1 + Math.floorMod(a, 20));
        int digit = (int) Math.floorMod(h, 10L);
        char l1 = POSTCODE_LETTERS.charAt((int) Math.floorMod(h >>> 8, (long) POSTCODE_LETTERS.length()));
        char l2 = POSTCODE_LETTERS.charAt((int) Math.floorMod(h >>> 16, (long) POSTCODE_LETTERS.length()));
        return outward + " " + digit + l1 + l2;
    }

    int referenceDay() {
        return referenceDay;
    }
}
