package org.peel.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.Role;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("GET /api/v1/openapi.json describes exactly the /api/v1 routes the server registers")
class ApiDescriptionTest {

    private static TestServer server;
    private static WebClient reader;
    private static JsonNode document;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        reader = server.signedIn("pc.openapi", Role.RESPONSE_OFFICER, "E09000033");
        HttpResponse<String> r = reader.get("/api/v1/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        document = new ObjectMapper().readTree(r.body());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("it is an OpenAPI 3.1 document with bearer, session-cookie and CSRF security")
    void openApi31() {
        assertThat(document.path("openapi").asText()).startsWith("3.1.");
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("bearer").path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path("session").path("in").asText()).isEqualTo("cookie");
        assertThat(schemes.path("csrf").path("name").asText()).isEqualTo("X-CSRF-Token");
    }

    @Test
    @DisplayName("every /api/v1 route the server registers is documented, and every documented route is registered")
    void matchesRegisteredRoutes() {
        Set<String> registered = new TreeSet<>();
        server.app().unsafe.internalRouter.allHttpHandlers().forEach(parsed -> {
            var endpoint = parsed.endpoint;
            if (endpoint.path.startsWith("/api/v1/") && endpoint.method.isHttpMethod()
                    && !endpoint.method.equals(HandlerType.HEAD) && !endpoint.method.equals(HandlerType.OPTIONS)) {
                registered.add(endpoint.method.name() + " " + endpoint.path);
            }
        });
        Set<String> documented = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

        assertThat(registered).as("registered routes").contains("GET /api/v1/openapi.json", "POST /api/v1/crimes",
                "GET /api/v1/asb-incidents/{id}");
        assertThat(documented).as("routes registered but not documented").containsAll(registered);
        Set<String> notRegistered = new TreeSet<>(documented);
        notRegistered.removeAll(registered);
        assertThat(notRegistered).as("routes documented but not registered").isEmpty();
    }

    @Test
    @DisplayName("each operation names its path parameters, its 401 with WWW-Authenticate, and problem+json errors")
    void operationsComplete() {
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey() + " " + path.getKey();
            JsonNode operation = op.getValue();
            java.util.regex.Matcher params = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(path.getKey());
            while (params.find()) {
                String param = params.group(1);
                boolean declared = false;
                for (JsonNode p : operation.path("parameters")) {
                    declared |= param.equals(p.path("name").asText()) && "path".equals(p.path("in").asText());
                }
                assertThat(declared).as(name + " declares path parameter " + param).isTrue();
            }
            assertThat(operation.path("responses").path("401").path("$ref").asText()).as(name + " 401")
                    .isEqualTo("#/components/responses/Unauthorized");
            if (op.getKey().equals("post")) {
                assertThat(operation.path("requestBody").path("required").asBoolean()).as(name + " body").isTrue();
                assertThat(operation.path("responses").has("400")).as(name + " 400").isTrue();
            }
            assertThat(operation.path("responses").fields()).toIterable().anySatisfy(response ->
                    assertThat(response.getKey()).startsWith("2"));
        }));
        JsonNode unauthorized = document.path("components").path("responses").path("Unauthorized");
        assertThat(unauthorized.path("headers").has("WWW-Authenticate")).isTrue();
        assertThat(unauthorized.path("content").has("application/problem+json")).isTrue();
    }

    @Test
    @DisplayName("each body's schema names exactly the fields its Java record binds or writes")
    void schemasMatchRecords() {
        Map<String, Class<?>> requests = Map.of("NewUser", ApiRoutes.NewUser.class,
                "NewCrime", org.peel.investigation.CrimeRequest.class,
                "CrimeVictim", org.peel.investigation.CrimeRequest.VictimRequest.class,
                "CrimeParty", org.peel.investigation.CrimeRequest.PartyRequest.class,
                "Outcome", org.peel.investigation.CrimeRequest.Outcome.class,
                "AsbCall", org.peel.prevention.AsbCallRequest.class,
                "NewOcgTask", org.peel.organisedcrime.OcgTaskApiRoutes.NewTask.class,
                "OcgTaskCompletion", org.peel.organisedcrime.OcgTaskApiRoutes.Completion.class);
        requests.forEach((schema, type) -> assertThat(documentedFields(schema)).as(schema).isNotEmpty()
                .isEqualTo(fields(ApiJson.MAPPER.getDeserializationConfig().introspect(
                        ApiJson.MAPPER.constructType(type)).findProperties())));
        Map<String, Class<?>> responses = Map.ofEntries(Map.entry("Me", ApiRoutes.Me.class),
                Map.entry("CreatedUser", ApiRoutes.CreatedUser.class),
                Map.entry("BoroughSummary", org.peel.place.PlaceRoutes.BoroughJson.class),
                Map.entry("PlaceMatch", org.peel.place.PlaceMatch.class),
                Map.entry("PoliceUkImportResult", org.peel.prevention.PoliceUkAsbImport.Result.class),
                Map.entry("AsbIncident", org.peel.prevention.AsbIncidentView.class),
                Map.entry("AsbFirstCall", org.peel.prevention.AsbFirstCall.class),
                Map.entry("AsbLocation", org.peel.prevention.AsbLocation.class),
                Map.entry("RecordedCrimes", org.peel.investigation.RecordedCrimeAnswer.Recorded.class),
                Map.entry("Crime", org.peel.investigation.CrimeStore.CrimeView.class),
                Map.entry("Person", org.peel.people.PeopleRoutes.PersonAnswer.class),
                Map.entry("PersonRecord", org.peel.people.PeopleRoutes.RecordAnswer.class),
                Map.entry("CohortMembership", org.peel.offenders.OffenderApiRoutes.CohortMembership.class),
                Map.entry("OffenderTask", org.peel.offenders.OffenderApiRoutes.TaskAnswer.class),
                Map.entry("GangMatrixEntry", org.peel.organisedcrime.GangApiRoutes.MatrixEntry.class),
                Map.entry("GangMatrixPerson", org.peel.organisedcrime.GangApiRoutes.MatrixPerson.class),
                Map.entry("GangInvolvement", org.peel.organisedcrime.GangApiRoutes.InvolvementAnswer.class),
                Map.entry("OcgTask", org.peel.organisedcrime.OcgTaskApiRoutes.TaskAnswer.class),
                Map.entry("Problem", Problem.class));
        responses.forEach((schema, type) -> assertThat(documentedFields(schema)).as(schema).isNotEmpty()
                .isEqualTo(fields(ApiJson.MAPPER.getSerializationConfig().introspect(
                        ApiJson.MAPPER.constructType(type)).findProperties())));
    }

    @Test
    @DisplayName("every field of every body is named in snake_case, as the CLI's JSON is")
    void snakeCase() {
        java.util.List<String> camel = new java.util.ArrayList<>();
        collectProperties(document.path("components"), "", camel);
        assertThat(camel).as("properties not in snake_case").isEmpty();
    }

    private static void collectProperties(JsonNode node, String at, List<String> camel) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("properties") && e.getValue().isObject()) {
                    e.getValue().fieldNames().forEachRemaining(name -> {
                        if (!name.matches("[a-z][a-z0-9_]*")) {
                            camel.add(at + "." + name);
                        }
                    });
                }
                collectProperties(e.getValue(), at + "." + e.getKey(), camel);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectProperties(n, at, camel));
        }
    }

    private static Set<String> documentedFields(String schema) {
        Set<String> names = new TreeSet<>();
        document.path("components").path("schemas").path(schema).path("properties").fieldNames()
                .forEachRemaining(names::add);
        return names;
    }

    private static Set<String> fields(List<com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition> properties) {
        Set<String> names = new TreeSet<>();
        properties.forEach(p -> names.add(p.getName()));
        return names;
    }

    @Test
    @DisplayName("every schema a document refers to is defined in it")
    void referencesResolve() {
        Set<String> refs = new TreeSet<>();
        collectRefs(document, refs);
        for (String ref : refs) {
            assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }

    @Test
    @DisplayName("a request without credentials is refused 401 with WWW-Authenticate, even for the description")
    void needsSigningIn() {
        HttpResponse<String> r = server.anonymous().get("/api/v1/openapi.json");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer realm=\"peel\"");
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
