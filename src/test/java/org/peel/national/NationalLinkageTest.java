package org.peel.national;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.people.FieldMapping;
import org.peel.people.IdentityResolution;
import org.peel.people.Clustering;
import org.peel.people.MatchModel;
import org.peel.people.BlockingRule;
import org.peel.people.LinkEvaluation;
import org.peel.people.PersonDetails;
import org.peel.people.PersonRecordFile;
import org.peel.people.ScoredPair;
import org.peel.synthetic.SyntheticNation;
import org.peel.testing.SharedData;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Identity resolution on Spark")
class NationalLinkageTest {

    private static final String FEBRL_MAP = "given_name=given_name,surname=surname,dob=date_of_birth,"
            + "address=street_number+address_1,postcode=postcode,city=suburb";

    @Test
    @DisplayName("resolves FEBRL 4 into exactly the persons, review pairs and candidate pairs of the single-machine engine")
    void febrl4AgreesWithSingleMachine() {
        Path a = SharedData.require("linkage/febrl/dataset4a.csv");
        Path b = SharedData.require("linkage/febrl/dataset4b.csv");
        PersonRecordFile.Contents febrl = PersonRecordFile.readAll(List.of(a, b), "rec_id", Pattern.compile("rec-(\\d+)"),
                FieldMapping.parse(List.of(FEBRL_MAP)));

        IdentityResolution.Resolution single = IdentityResolution.standard().resolve(febrl.records());
        NationalLinkage.Outcome spark = NationalLinkage.standard().resolve(LocalSpark.records("febrl", febrl.records()));

        assertThat(spark.candidatePairs()).isEqualTo(single.candidatePairs());
        assertThat(spark.personNumbers()).isEqualTo(single.persons().personOf());
        Set<String> singleReview = single.persons().review().stream().map(NationalLinkageTest::key).collect(Collectors.toSet());
        Set<String> sparkReview = spark.review().collect().stream().map(p -> p.left() + "-" + p.right()).collect(Collectors.toSet());
        assertThat(sparkReview).isEqualTo(singleReview);
        // and the persons are right: FEBRL 4 is 5,000 people, each in A and in B
        assertThat(LinkEvaluation.of(spark.personNumbers(), febrl.entities()).f1()).isGreaterThan(0.95);
    }

    @Test
    @DisplayName("resolves a small synthetic nation of three forces exactly as the single-machine engine does, and finds"
            + " people across forces")
    void syntheticNationAgreesWithSingleMachine() {
        SyntheticNation nation = SyntheticNation.generate(3_000, 3, 7, 0.2, 0.1);
        List<PersonDetails> details = nation.records().stream()
                .map(r -> new PersonDetails(r.recordId(), r.givenName(), r.surname(), null, r.dob(), r.sex(), r.address(),
                        r.postcode(), r.city(), r.email(), r.phone()))
                .toList();
        List<String> truth = nation.records().stream().map(SyntheticNation.Recorded::person).toList();

        IdentityResolution.Resolution single = IdentityResolution.standard().resolve(details);
        NationalLinkage.Outcome spark = NationalLinkage.standard().resolve(LocalSpark.records("nation", details));

        assertThat(spark.personNumbers()).isEqualTo(single.persons().personOf());
        assertThat(spark.candidatePairs()).isEqualTo(single.candidatePairs());
        // links that join records of two different forces, every one of them explained comparison by comparison
        List<NationalLinkage.Pair> links = spark.links().collect();
        long acrossForces = links.stream()
                .filter(p -> !nation.records().get((int) p.left()).force().equals(nation.records().get((int) p.right()).force()))
                .count();
        assertThat(acrossForces).isPositive();
        assertThat(links).allSatisfy(p -> assertThat(p.explanation()).contains("surname").contains("probability"));
        assertThat(LinkEvaluation.of(spark.personNumbers(), truth).f1()).isGreaterThan(0.9);
    }

    @Test
    @DisplayName("with the national blocking rules (the town rule needs the surname initial), Spark and the single"
            + " machine still agree exactly, on fewer candidate pairs")
    void nationalBlockingAgreesWithSingleMachine() {
        SyntheticNation nation = SyntheticNation.generate(3_000, 3, 7, 0.2, 0.1);
        List<PersonDetails> details = nation.records().stream()
                .map(r -> new PersonDetails(r.recordId(), r.givenName(), r.surname(), null, r.dob(), r.sex(), r.address(),
                        r.postcode(), r.city(), r.email(), r.phone()))
                .toList();
        List<String> truth = nation.records().stream().map(SyntheticNation.Recorded::person).toList();

        IdentityResolution.Resolution single = new IdentityResolution(BlockingRule.national(),
                MatchModel.Training.standard(), Clustering.standard()).resolve(details);
        IdentityResolution.Resolution standard = IdentityResolution.standard().resolve(details);
        NationalLinkage.Outcome spark = NationalLinkage.of(NationalLinkage.Blocking.NATIONAL)
                .resolve(LocalSpark.records("nation", details));

        assertThat(spark.personNumbers()).isEqualTo(single.persons().personOf());
        assertThat(spark.candidatePairs()).isEqualTo(single.candidatePairs());
        assertThat(single.candidatePairs()).isLessThan(standard.candidatePairs());
        assertThat(LinkEvaluation.of(spark.personNumbers(), truth).f1()).isGreaterThan(0.9);
    }

    @Test
    @DisplayName("training on part of a nation samples evenly: a person's records listed together are kept as often"
            + " as any others, so about a quarter of the true pairs survive a half sample")
    void trainingSampleIsEvenAcrossListOrder() {
        // a force's export lists one person's records together; every second record would keep one of each such pair
        SyntheticNation nation = SyntheticNation.generate(20_000, 3, 7, 0.2, 0.1);
        List<PersonDetails> details = details(nation);
        java.util.Map<String, String> personOf = new java.util.HashMap<>();
        nation.records().forEach(r -> personOf.put(r.recordId(), r.person()));
        int n = details.size();

        List<PersonDetails> sample = NationalLinkage.sample(LocalSpark.records("nation", details), n, n / 2);

        // each record is kept with probability 1/2, so each true pair with probability 1/2 × 1/2 = 1/4
        assertThat(sample.size()).isBetween((int) (n * 0.47), (int) (n * 0.53));
        double kept = truePairs(sample, personOf) / (double) truePairs(details, personOf);
        assertThat(kept).isBetween(0.20, 0.30);
    }

    @Test
    @DisplayName("a nation resolved with training on half its records links about as well as with training on all")
    void trainingOnHalfANationLinksAsWell() {
        SyntheticNation nation = SyntheticNation.generate(6_000, 3, 11, 0.2, 0.1);
        List<PersonDetails> details = details(nation);
        List<String> truth = nation.records().stream().map(SyntheticNation.Recorded::person).toList();

        double all = LinkEvaluation.of(NationalLinkage.of(NationalLinkage.Blocking.NATIONAL)
                .resolve(LocalSpark.records("nation", details)).personNumbers(), truth).f1();
        double half = LinkEvaluation.of(new NationalLinkage(Clustering.standard(), MatchModel.Training.standard(),
                details.size() / 2, NationalLinkage.Blocking.NATIONAL)
                .resolve(LocalSpark.records("nation", details)).personNumbers(), truth).f1();

        assertThat(half).isGreaterThan(0.9).isCloseTo(all, org.assertj.core.data.Offset.offset(0.02));
    }

    private static List<PersonDetails> details(SyntheticNation nation) {
        return nation.records().stream()
                .map(r -> new PersonDetails(r.recordId(), r.givenName(), r.surname(), null, r.dob(), r.sex(), r.address(),
                        r.postcode(), r.city(), r.email(), r.phone()))
                .toList();
    }

    private static long truePairs(List<PersonDetails> records, java.util.Map<String, String> personOf) {
        java.util.Map<String, Long> sizes = records.stream()
                .collect(Collectors.groupingBy(d -> personOf.get(d.recordId()), Collectors.counting()));
        return sizes.values().stream().mapToLong(k -> k * (k - 1) / 2).sum();
    }

    private static String key(ScoredPair p) {
        return p.left() + "-" + p.right();
    }
}
