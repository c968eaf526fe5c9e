package org.peel.national;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.platform.PeelCommand;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The peel national link command")
class NationalLinkCommandTest {

    @Test
    @DisplayName("links one person recorded by two forces under two spellings, and writes the index as Parquet and CSV")
    void linksAcrossForces(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("kent.csv"), """
                record_id,given_name,surname,dob,postcode,city
                k-1,Jonathan,Smythe,1984-02-11,ME14 1XX,Maidstone
                k-2,Alice,Brown,1990-07-30,ME15 6AB,Maidstone
                k-3,Mohammed,Khan,1979-12-01,CT1 2BB,Canterbury
                """);
        Files.writeString(in.resolve("essex.csv"), """
                record_id,given_name,surname,dob,postcode,city
                e-1,Jonathon,Smythe,1984-02-11,ME14 1XX,Maidstone
                e-2,Peter,Green,1966-03-09,CM1 1AA,Chelmsford
                e-3,Sarah,Okafor,2001-05-17,CO1 1BB,Colchester
                """);
        LocalSpark.session();
        Path out = dir.resolve("out");

        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(text, true, StandardCharsets.UTF_8));
            exit = PeelCommand.execute("national", "link", "--input", in.toString(), "--out", out.toString(),
                    "--master", "local[2]", "--format", "json");
        } finally {
            System.setOut(original);
        }

        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(text.toString(StandardCharsets.UTF_8));
        assertThat(json.get("records").asInt()).isEqualTo(6);
        assertThat(json.get("forces").asInt()).isEqualTo(2);
        assertThat(json.get("personsInSeveralForces").asInt()).isEqualTo(1);
        List<Row> persons = LocalSpark.session().read().parquet(out.resolve("persons.parquet").toString())
                .filter("record_id in ('k-1', 'e-1')").collectAsList();
        assertThat(persons).hasSize(2);
        assertThat(persons.get(0).getString(0)).isEqualTo(persons.get(1).getString(0));
        Row link = LocalSpark.session().read().parquet(out.resolve("links.parquet").toString()).first();
        assertThat(link.<String>getAs("explanation")).contains("given_name").contains("dob exact");
        assertThat(Files.list(out.resolve("persons.csv")).anyMatch(p -> p.toString().endsWith(".csv"))).isTrue();
    }
}
