package org.peel.organisedcrime;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A group's associate network and its most central members, worked out by hand")
class AssociateNetworkTest {

    private static AssociateNetwork.Node n(String id) {
        return new AssociateNetwork.Node(id, "Person " + id, "Significant");
    }

    @Test
    @DisplayName("A-B by address and by a crime (one tie, two reasons), A-C by phone, C-D by a crime, E alone:"
            + " A and C have 2 ties, B and D 1, E none; a tie to someone outside the group is left out")
    void degrees() {
        AssociateNetwork.Result r = AssociateNetwork.build(List.of(n("A"), n("B"), n("C"), n("D"), n("E")), List.of(
                new AssociateNetwork.Tie("A", "B", "shared address"), new AssociateNetwork.Tie("B", "A", "crime X"),
                new AssociateNetwork.Tie("A", "C", "shared phone"), new AssociateNetwork.Tie("C", "D", "crime Y"),
                new AssociateNetwork.Tie("D", "Z", "crime Y")));
        assertThat(r.ranked()).extracting(x -> x.node().recordId() + "=" + x.degree())
                .containsExactly("A=2", "C=2", "B=1", "D=1", "E=0");
        assertThat(r.pairs()).containsOnlyKeys("A|B", "A|C", "C|D");
        assertThat(r.pairs().get("A|B")).containsExactly("shared address", "crime X");
        assertThat(r.isolated()).isEqualTo(1);
        AssociateNetwork.Diagram d = AssociateNetwork.diagram(r, 420);
        assertThat(d.lines()).hasSize(3);
        // the most central is drawn at the top of the circle: (210, 40)
        assertThat(d.points().get(0).x()).isEqualTo(210.0);
        assertThat(d.points().get(0).y()).isEqualTo(40.0);
    }
}
