package org.peel.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peel.access.Role;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("API bodies are bound strictly: null, wrong types, unknown fields and over-long lists are 400s naming the field")
class ApiBodiesTest {

    private static final String CRIME = """
            {"offence_group": "Violence with injury", "committed_at": "2024-03-01T21:15:00", "borough_code": "%s",
             "victims": [{"forenames": "A", "surname": "One"}]}""".formatted(Fixtures.WESTMINSTER);

    private static TestServer server;
    private static WebClient officer;
    private static WebClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        officer = server.signedIn("pc.bodies", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);
        admin = server.signedIn("admin.bodies", Role.ADMINISTRATOR, null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(WebClient client, String path, String json) {
        return client.postJson(path, json, Map.of("X-CSRF-Token", client.csrfToken()));
    }

    private static void assertProblem(HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"errors\":{\"" + field + "\"").doesNotContain("Exception");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/crimes", "/api/v1/asb-incidents", "/api/v1/users"})
    @DisplayName("a body of null is 400, not 500")
    void nullBody(String path) {
        WebClient client = path.endsWith("users") ? admin : officer;
        assertProblem(post(client, path, "null"), "body");
        assertProblem(post(client, path, "[]"), "body");
    }

    @Test
    @DisplayName("a latitude of \"abc\" is refused naming latitude, not read as 0.0; a numeric string is not a number either")
    void latitudeNotCoerced() {
        assertProblem(post(officer, "/api/v1/crimes", CRIME.replace("\"borough_code\"",
                "\"latitude\": \"abc\", \"longitude\": -0.14, \"borough_code\"")), "latitude");
        assertProblem(post(officer, "/api/v1/crimes", CRIME.replace("\"borough_code\"",
                "\"latitude\": \"51.5\", \"longitude\": -0.14, \"borough_code\"")), "latitude");
        assertProblem(post(officer, "/api/v1/asb-incidents", """
                {"category":"nuisance","sub_type":"Noise","description":"Loud","channel":"online","address":"X",
                 "latitude":"abc","longitude":-0.14}"""), "latitude");
    }

    @Test
    @DisplayName("a number is not a boolean, a string is not a whole number, a number is not text")
    void noScalarCoercion() {
        assertProblem(post(officer, "/api/v1/crimes", CRIME.replace("\"borough_code\"", "\"domestic_abuse\": 1, \"borough_code\"")),
                "domestic_abuse");
        assertProblem(post(officer, "/api/v1/crimes", CRIME.replace("\"surname\": \"One\"",
                "\"surname\": \"One\", \"business\": \"yes\"")), "victims[0].business");
        assertProblem(post(officer, "/api/v1/crimes", CRIME.replace("\"offence_group\": \"Violence with injury\"",
                "\"offence_group\": 7")), "offence_group");
        String id = crime();
        assertProblem(post(officer, "/api/v1/crimes/" + id + "/outcome",
                "{\"outcome_type\": \"3\", \"outcome_date\": \"2024-03-05\"}"), "outcome_type");
    }

    @Test
    @DisplayName("an ASB yes-or-no answer is \"yes\"/\"no\" or a JSON boolean, never a number")
    void yesNo() {
        String call = """
                {"category":"personal","sub_type":"Rowdy/nuisance neighbours","description":"Shouting","channel":"101",
                 "address":"2 Test Street","victim_surname":"Franklin","caller_is_victim":%s,"targeted":%s,
                 "impact":"some","duration":"weeks"}""";
        assertThat(post(officer, "/api/v1/asb-incidents", call.formatted("true", "\"no\"")).statusCode()).isEqualTo(201);
        assertProblem(post(officer, "/api/v1/asb-incidents", call.formatted("1", "false")), "caller_is_victim");
        assertProblem(post(officer, "/api/v1/asb-incidents", call.formatted("true", "\"perhaps\"")), "targeted");
    }

    @Test
    @DisplayName("ASB fields are snake_case like every other body: a camelCase name is refused, and errors use the body's names")
    void asbSnakeCase() {
        // given the form's camelCase name for the victim's surname, which the API does not take
        String camel = """
                {"category":"personal","sub_type":"Rowdy/nuisance neighbours","description":"Shouting","channel":"101",
                 "address":"2 Test Street","victimSurname":"Franklin","caller_is_victim":"yes","targeted":"no",
                 "impact":"some","duration":"weeks"}""";
        assertProblem(post(officer, "/api/v1/asb-incidents", camel), "victimSurname");

        // when personal ASB is sent without the victim's surname or a sub-type, then the errors name the body's fields
        HttpResponse<String> r = post(officer, "/api/v1/asb-incidents", """
                {"category":"personal","description":"Shouting","channel":"101","address":"2 Test Street",
                 "caller_is_victim":"yes","targeted":"no","impact":"some","duration":"weeks"}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("\"sub_type\":").contains("\"victim_surname\":")
                .doesNotContain("\"subType\"").doesNotContain("\"victimSurname\"");
    }

    @Test
    @DisplayName("a field Peel does not take is refused by name rather than silently dropped")
    void unknownField() {
        HttpResponse<String> r = post(officer, "/api/v1/crimes", CRIME.replace("\"borough_code\"",
                "\"domestic_abuse_flag\": true, \"borough_code\""));
        assertProblem(r, "domestic_abuse_flag");
        assertThat(r.body()).contains("does not take a field 'domestic_abuse_flag'");
    }

    @Test
    @DisplayName("51 victims in one request is 400 naming victims, before anything is recorded")
    void victimsBounded() {
        String victims = IntStream.range(0, 51).mapToObj(i -> "{\"forenames\": \"V\", \"surname\": \"Number" + i + "\"}")
                .collect(Collectors.joining(","));
        long crimesBefore = crimes();
        HttpResponse<String> r = post(officer, "/api/v1/crimes", CRIME.replaceFirst("\\[\\{.*}]", "[" + victims + "]"));
        assertProblem(r, "victims");
        assertThat(r.body()).contains("At most 50");
        assertThat(crimes()).isEqualTo(crimesBefore);
        String suspects = IntStream.range(0, 51).mapToObj(i -> "{\"surname\": \"S" + i + "\"}").collect(Collectors.joining(","));
        assertProblem(post(officer, "/api/v1/crimes", CRIME.replace("\"victims\"", "\"suspects\": [" + suspects + "], \"victims\"")),
                "suspects");
        String factors = IntStream.range(0, 21).mapToObj(i -> "\"disability\"").collect(Collectors.joining(","));
        assertProblem(post(officer, "/api/v1/asb-incidents", """
                {"category":"nuisance","sub_type":"Noise","description":"Loud","channel":"online","address":"X",
                 "vulnerability":[%s]}""".formatted(factors)), "vulnerability");
    }

    @Test
    @DisplayName("a valid crime is still recorded with the API's field names, and answered as before")
    void validStillRecorded() {
        HttpResponse<String> r = post(officer, "/api/v1/crimes", CRIME.replace("\"borough_code\"",
                "\"domestic_abuse\": true, \"latitude\": null, \"borough_code\""));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).contains("\"crimes\":[{\"id\":\"CRP").contains("\"screening\":{");
    }

    private static String crime() {
        HttpResponse<String> r = post(officer, "/api/v1/crimes", CRIME);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r.body().replaceAll("(?s).*?\"id\":\"(CRP\\d+)\".*", "$1");
    }

    private static long crimes() {
        return server.database().jdbi().withHandle(h -> h.createQuery("select count(*) from crime").mapTo(Long.class).one());
    }
}
