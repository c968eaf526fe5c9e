package org.peel.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything a record type needs while a synthetic force is generated: the force, the period, the people,
 * the places, the outputs, and the facts earlier record types leave for later ones (who offended, which
 * crimes were domestic, which investigators work where).
 */
public final class World {

    final Generation generation;
    final String key;
    final ForceSpec force;
    final SyntheticSettings settings;
    final LocalDate start;
    final LocalDate end;
    final TimeModel time;
    final PersonPool people;
    final Places places;
    private final RecordSink sink;
    private final Map<Table, TableOutput> outputs = new LinkedHashMap<>();
    private final PersonRecorder recorder;

    /** Investigator ids by borough index and specialism, for allocating crimes. */
    final Map<String, List<String>> investigators = new TreeMap<>();
    /** Every suspect appearance, once per appearance (reoffending draws from it). */
    final IntList suspects = new IntList();
    /** Offences with a positive outcome (charge, caution …) by true person, in the order they happened. */
    final TreeMap<Integer, List<Offence>> offending = new TreeMap<>();
    /** True people known to offender management beyond their offences this year (OCG members). */
    final TreeSet<Integer> nominals = new TreeSet<>();
    /** Crimes flagged as domestic abuse, for the domestic abuse incident records. */
    final List<DomesticCrime> domesticCrimes = new ArrayList<>();

    record Offence(int day, String offenceGroup, String disposal, String crimeId) {
    }

    record DomesticCrime(String crimeId, long at, int area, double latitude, double longitude, int victim, int perpetrator) {
    }

    World(Generation generation, ForceSpec force, SyntheticSettings settings, RecordSink sink) {
        this.generation = generation;
        this.key = generation.key();
        this.force = force;
        this.settings = settings;
        this.sink = sink;
        this.end = generation.end();
        this.start = end.minusYears(1);
        this.time = new TimeModel(start, end);
        int poolSize = (int) Math.max(500, Math.round(force.population() * generation.scale() * settings.peoplePerResident()));
        this.people = new PersonPool(force.areas(), force.boroughs(), poolSize, (int) end.toEpochDay(), random("people"));
        this.places = new Places(force, settings, random("places"));
        this.recorder = new PersonRecorder(people, settings, key, out(PersonRecorder.PERSON_RECORD), out(PersonRecorder.TRUTH));
    }

    /** The random stream of one named part of the generation. */
    SplittableRandom random(String name) {
        return Mix.stream(generation.seed(), name);
    }

    /** The output of a table, opened at first use. */
    TableOutput out(Table table) {
        return outputs.computeIfAbsent(table, t -> {
            try {
                return new TableOutput(t, sink.open(t));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    /** A record id: the generation key, a prefix for the kind of record, and a number. */
    String id(String prefix, long n) {
        return key + "-" + prefix + n;
    }

    /** Records an appearance of true person {@code p} in a record of a borough; returns the person record id. */
    String person(int p, String sourceType, String sourceId, String boroughCode, String role, long recordedAt,
                  SplittableRandom rnd) {
        return recorder.record(p, sourceType, sourceId, boroughCode, null, role, recordedAt, rnd);
    }

    /**
     * Records an appearance in a record that is itself of a sensitive kind ({@code SEXUAL_OFFENCE},
     * {@code CHILD_PROTECTION}), or not when {@code sensitivity} is null.
     */
    String person(int p, String sourceType, String sourceId, String boroughCode, String sensitivity, String role,
                  long recordedAt, SplittableRandom rnd) {
        return recorder.record(p, sourceType, sourceId, boroughCode, sensitivity, role, recordedAt, rnd);
    }

    /** The last person record written: its date of birth as recorded (epoch day, or {@code Integer.MIN_VALUE}). */
    int lastRecordedDob() {
        return recorder.lastDob;
    }

    /** Whether the last person record written has a surname. */
    boolean lastRecordedNamed() {
        return recorder.lastNamed;
    }

    /** Records a positive outcome against a true person's offending history. */
    void offended(int p, Offence offence) {
        offending.computeIfAbsent(p, k -> new ArrayList<>()).add(offence);
    }

    /** A whole number of records for a volume at this scale. */
    long scaled(double volume) {
        return Math.round(volume * generation.scale());
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        outputs.forEach((t, o) -> counts.put(t.name(), o.rows()));
        return counts;
    }
}
