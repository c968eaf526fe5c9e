package org.peel.national;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Connected components of an undirected graph in Spark, by min-label propagation with pointer jumping: every linked
 * record starts labelled with its own position; each round a record takes the smallest label among its own, its
 * neighbours' and its label's label, until no label changes. A component's label is its smallest position, which is
 * also how the single-machine clustering numbers persons (in order of their first record). Rounds grow with the
 * logarithm of a component's diameter; persons are a handful of records, so a few rounds do.
 *
 * @param labels     each record that has at least one link, with its component's smallest position
 * @param iterations rounds run
 */
public record Components(JavaPairRDD<Long, Long> labels, int iterations) {

    /** The components of these edges (each pair once, either way round). */
    public static Components of(JavaPairRDD<Long, Long> edges) {
        JavaPairRDD<Long, Long> both = edges.union(edges.mapToPair(Tuple2::swap))
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Long, Long> labels = both.keys().distinct().mapToPair(v -> new Tuple2<>(v, v))
                .persist(StorageLevel.MEMORY_AND_DISK());
        int rounds = 0;
        while (true) {
            rounds++;
            // a neighbour's label
            JavaPairRDD<Long, Long> fromNeighbours = both.join(labels).mapToPair(e -> new Tuple2<>(e._2()._1(), e._2()._2()));
            JavaPairRDD<Long, Long> step = labels.union(fromNeighbours).reduceByKey(Math::min);
            // the label's own label (pointer jumping), so long chains shorten by halves
            JavaPairRDD<Long, Long> byLabel = step.mapToPair(Tuple2::swap);
            JavaPairRDD<Long, Long> jumped = byLabel.join(step)
                    .mapToPair(t -> new Tuple2<>(t._2()._1(), Math.min(t._1(), t._2()._2())));
            JavaPairRDD<Long, Long> next = step.union(jumped).reduceByKey(Math::min)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            if (rounds % 8 == 0) {
                // cut the lineage now and then, so a long run does not replan every earlier round
                next.rdd().localCheckpoint();
            }
            long changed = next.join(labels).filter(t -> !t._2()._1().equals(t._2()._2())).count();
            labels.unpersist(false);
            labels = next;
            if (changed == 0) {
                break;
            }
        }
        both.unpersist(false);
        return new Components(labels, rounds);
    }
}
