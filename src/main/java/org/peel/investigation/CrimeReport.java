package org.peel.investigation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A crime as reported, before Peel records it: the offence, when and where (the address as given, from whose
 * postcode Peel finds the ward, LSOA and point), the officer's account of what happened, the flags, what screening
 * needs to know, and the people. Under the Counting Rules a victim-based crime is one crime per victim, so a report naming
 * two victims becomes two crimes with the same suspects and witnesses.
 */
public record CrimeReport(OffenceGroup offence, LocalDateTime committedAt, String boroughCode, String wardCode,
                          String lsoaCode, Double latitude, Double longitude, boolean domesticAbuse, boolean hate,
                          Set<SeriousOffence> seriousOffences, Set<SolvabilityFactor> solvability, List<Victim> victims,
                          List<Party> suspects, List<Party> witnesses, Set<CrimeFlag> flags, String address,
                          String account) {

    /** A report with no address or account as free text. */
    public CrimeReport(OffenceGroup offence, LocalDateTime committedAt, String boroughCode, String wardCode,
                       String lsoaCode, Double latitude, Double longitude, boolean domesticAbuse, boolean hate,
                       Set<SeriousOffence> seriousOffences, Set<SolvabilityFactor> solvability, List<Victim> victims,
                       List<Party> suspects, List<Party> witnesses, Set<CrimeFlag> flags) {
        this(offence, committedAt, boroughCode, wardCode, lsoaCode, latitude, longitude, domesticAbuse, hate,
                seriousOffences, solvability, victims, suspects, witnesses, flags, null, null);
    }

    /** A report with no flags beyond domestic abuse and hate. */
    public CrimeReport(OffenceGroup offence, LocalDateTime committedAt, String boroughCode, String wardCode,
                       String lsoaCode, Double latitude, Double longitude, boolean domesticAbuse, boolean hate,
                       Set<SeriousOffence> seriousOffences, Set<SolvabilityFactor> solvability, List<Victim> victims,
                       List<Party> suspects, List<Party> witnesses) {
        this(offence, committedAt, boroughCode, wardCode, lsoaCode, latitude, longitude, domesticAbuse, hate,
                seriousOffences, solvability, victims, suspects, witnesses, Set.of());
    }

    public CrimeReport {
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        seriousOffences = seriousOffences == null || seriousOffences.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(seriousOffences));
        solvability = solvability == null || solvability.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(solvability));
        victims = victims == null ? List.of() : List.copyOf(victims);
        suspects = suspects == null ? List.of() : List.copyOf(suspects);
        witnesses = witnesses == null ? List.of() : List.copyOf(witnesses);
        address = address == null || address.isBlank() ? null : address.strip();
        account = account == null || account.isBlank() ? null : account.strip();
    }

    /** The same report placed: its borough, ward, LSOA and point as found from its address or coordinates. */
    public CrimeReport placed(String borough, String ward, String lsoa, Double lat, Double lon) {
        return new CrimeReport(offence, committedAt, borough, ward, lsoa, lat, lon, domesticAbuse, hate, seriousOffences,
                solvability, victims, suspects, witnesses, flags, address, account);
    }

    /** A person as recorded: any part may be missing (a suspect may be only described). */
    public record Party(String forenames, String surname, LocalDate dateOfBirth) {
        /** Named: a surname is known. */
        public boolean named() {
            return surname != null && !surname.isBlank();
        }

        public Integer ageOn(LocalDate day) {
            return dateOfBirth == null ? null : Period.between(dateOfBirth, day).getYears();
        }
    }

    /** What the victim told the officer about the personal statement when the crime was reported. */
    public enum PersonalStatement { OFFERED, DECLINED, TAKEN, NOT_YET_OFFERED }

    /**
     * A victim with the answers to the needs assessment asked at recording. {@code business} is a business or
     * organisation rather than a person (served under Chapter 4 of the Code).
     */
    public record Victim(Party person, boolean business, boolean evidenceAffected, boolean inFearOfTestifying,
                         boolean persistentlyTargeted, boolean bereavedCloseRelative, boolean declinesReferral,
                         PersonalStatement personalStatement) {
        public Victim {
            personalStatement = personalStatement == null ? PersonalStatement.NOT_YET_OFFERED : personalStatement;
        }

        /** Vulnerable for screening: evidence affected, in fear, or persistently targeted. */
        public boolean vulnerable() {
            return evidenceAffected || inFearOfTestifying || persistentlyTargeted;
        }
    }

    /** Solvability factors as recorded, plus those the people imply: a named suspect, a witness. */
    public Set<SolvabilityFactor> solvabilityWithPeople() {
        EnumSet<SolvabilityFactor> all = solvability.isEmpty() ? EnumSet.noneOf(SolvabilityFactor.class) : EnumSet.copyOf(solvability);
        if (suspects.stream().anyMatch(Party::named)) {
            all.add(SolvabilityFactor.SUSPECT_NAMED);
        }
        if (!witnesses.isEmpty()) {
            all.add(SolvabilityFactor.WITNESS);
        }
        return all;
    }

    /** The form field of the rape flag: its checkbox. */
    public static final String RAPE_FIELD = "flag-RAPE";

    /** Problems by field, in form order; empty when the report can be recorded at {@code now}. */
    public Map<String, String> problems(LocalDateTime now) {
        Map<String, String> p = new LinkedHashMap<>();
        if (offence == null) {
            p.put("offence", "Choose the offence group");
        }
        if (committedAt == null) {
            p.put("committed", "Enter when the offence was committed, as a date and time");
        } else if (committedAt.isAfter(now)) {
            p.put("committed", "The offence cannot have been committed in the future");
        }
        if (boroughCode == null || boroughCode.isBlank()) {
            p.put(address != null ? "address" : "borough", address != null
                    ? "Peel cannot find this address: give its postcode, or choose the borough"
                    : "Enter the address or postcode where the offence happened, or choose the borough");
        }
        if (latitude != null && (latitude < -90 || latitude > 90)) {
            p.put("latitude", "Latitude must be between -90 and 90");
        }
        if (longitude != null && (longitude < -180 || longitude > 180)) {
            p.put("longitude", "Longitude must be between -180 and 180");
        }
        if (account != null && account.length() > 4000) {
            p.put("account", "Keep the account to 4,000 characters; attach longer statements to the case file");
        }
        if (flags.contains(CrimeFlag.RAPE) && offence != null && offence != OffenceGroup.SEXUAL_OFFENCES) {
            // rape is a class within sexual offences (Home Office classes 19C to 19H): on another group it would put a
            // crime in the inspection's rape sample and the rape rules that it does not belong to
            p.put(RAPE_FIELD, "Rape can only be set on a sexual offence: choose Sexual offences as the offence group,"
                    + " or untick Rape");
        }
        if (offence != null && offence.victimBased() && victims.isEmpty()) {
            p.put("victim_surname", "A victim-based crime needs its victim");
        }
        for (Victim v : victims) {
            if (v.person() == null || (!v.person().named() && (v.person().forenames() == null || v.person().forenames().isBlank()))) {
                p.putIfAbsent("victim_surname", "Enter the victim's name (or the business's name as the surname)");
            }
            if (v.person() != null && v.person().dateOfBirth() != null && v.person().dateOfBirth().isAfter(now.toLocalDate())) {
                p.putIfAbsent("victim_dob", "The victim's date of birth cannot be in the future");
            }
        }
        return p;
    }
}
