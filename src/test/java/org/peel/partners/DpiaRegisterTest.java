package org.peel.partners;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;
import org.peel.web.ImpactAssessment;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The register of data protection impact assessments, linked from the processing it assesses")
class DpiaRegisterTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("the register lists each activity's assessment with capability, lawful basis, owner, review date and status")
    void register() {
        WebClient admin = server.signedIn("dpo.list", Role.ADMINISTRATOR, null);

        HttpResponse<String> r = admin.get("/partners/dpia");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("DPIA-01: Gangs violence matrix").contains("organisedcrime")
                .contains("Crime and Disorder Act 1998 s115").contains("Data protection officer").contains("draft");
    }

    @Test
    @DisplayName("the gangs matrix page links its assessment, which an intelligence analyst opens through the published link")
    void linkedFromTheGangsMatrix() {
        WebClient analyst = server.signedIn("ia.dpia", Role.INTELLIGENCE_ANALYST, null);

        HttpResponse<String> matrix = analyst.get("/organised-crime/gangs?purpose=dpia+check");
        assertThat(matrix.statusCode()).as(matrix.body()).isEqualTo(200);
        assertThat(matrix.body()).contains("href=\"/partners/dpia/for/gangs-matrix\"");

        HttpResponse<String> link = analyst.get(ImpactAssessment.href("gangs-matrix"));
        assertThat(link.statusCode()).isEqualTo(302);
        assertThat(link.headers().firstValue("Location")).hasValue("/partners/dpia/DPIA-01");
        HttpResponse<String> dpia = analyst.get("/partners/dpia/DPIA-01");
        assertThat(dpia.statusCode()).as(dpia.body()).isEqualTo(200);
        assertThat(dpia.body()).contains("Gangs violence matrix").contains("victims kept apart from perpetrators")
                .contains("schedule 8");
    }

    @Test
    @DisplayName("an activity with no assessment is answered 404 with that said plainly; a malformed name is refused")
    void unknownActivity() {
        WebClient admin = server.signedIn("dpo.none", Role.ADMINISTRATOR, null);

        HttpResponse<String> r = admin.get("/partners/dpia/for/facial-recognition");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("No impact assessment is registered for the processing");
        assertThatThrownBy(() -> ImpactAssessment.href("Gangs Matrix")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a review records its status and next date, keeps the previous version, and is audited")
    void review() {
        var db = server.fresh();
        DpiaStore store = new DpiaStore(db.jdbi(), new AuditTrail(db.jdbi()));

        store.review(Fixtures.administrator(), "DPIA-02", "approved", LocalDate.of(2027, 3, 31));

        DpiaStore.Dpia d = store.find("DPIA-02").orElseThrow();
        assertThat(d.status()).isEqualTo("approved");
        assertThat(d.reviewOn()).isEqualTo("2027-03-31");
        assertThat(d.reviewOverdue(LocalDate.of(2027, 4, 1))).isTrue();
        assertThat(d.reviewOverdue(LocalDate.of(2027, 3, 31))).isFalse();
        assertThat(db.jdbi().<Integer, RuntimeException>withHandle(h -> h.createQuery(
                "select count(*) from record_history where table_name = 'dpia' and record_id = 'DPIA-02'"
                        + " and previous->>'status' = 'draft'").mapTo(Integer.class).one())).isEqualTo(1);
        assertThat(db.jdbi().<Integer, RuntimeException>withHandle(h -> h.createQuery(
                "select count(*) from audit_event where action = 'dpia-review'").mapTo(Integer.class).one())).isEqualTo(1);
        assertThatThrownBy(() -> store.review(Fixtures.administrator(), "DPIA-02", "signed", LocalDate.of(2027, 1, 1)))
                .hasMessageContaining("not 'signed'");
    }
}
