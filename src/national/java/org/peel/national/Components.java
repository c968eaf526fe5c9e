package org.peel.national;

import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Connected components of an undirected graph in Spark, by min-label propagation: every linked record starts
 * labelled with its own position; each round a record takes the smallest label among its own and its neighbours',
 * until no label changes. A component's label is its smallest position, which is also how the single-machine
 * clustering numbers persons (in order of their first record). Rounds are a component's diameter plus one; persons
 * are a handful of records, so a few rounds do. Edges and labels share one partitioner, so each round is one
 * shuffle, and labels only ever fall, so an unchanged sum means no label changed.
 *
 * @param labels     each record that has at least one link, with its component's smallest position
 * @param iterations rounds run
 */
public record Components(JavaPairRDD<Long, Long> labels, int iterations) {

    /** The components of these edges (each pair once, either way round). */
    public static Components of(JavaPairRDD<Long, Long> edges) {
        HashPartitioner partitioner = new HashPartitioner(Math.max(2, edges.getNumPartitions()));
        JavaPairRDD<Long, Long> both = edges.union(edges.mapToPair(Tuple2::swap)).partitionBy(partitioner)
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Long, Long> labels = both.mapToPair(e -> new Tuple2<>(e._1(), e._1()))
                .reduceByKey(partitioner, Math::min).persist(StorageLevel.MEMORY_AND_DISK());
        long sum = labels.values().fold(0L, Long::sum);
        int rounds = 0;
        while (true) {
            rounds++;
            JavaPairRDD<Long, Long> next = both.join(labels)
                    .mapToPair(e -> new Tuple2<>(e._2()._1(), e._2()._2()))
                    .union(labels)
                    .reduceByKey(partitioner, Math::min)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            if (rounds % 8 == 0) {
                // cut the lineage now and then, so a long run does not replan every earlier round
                next.rdd().localCheckpoint();
            }
            long nextSum = next.values().fold(0L, Long::sum);
            labels.unpersist(false);
            labels = next;
            if (nextSum == sum) {
                break;
            }
            sum = nextSum;
        }
        both.unpersist(false);
        return new Components(labels, rounds);
    }
}
