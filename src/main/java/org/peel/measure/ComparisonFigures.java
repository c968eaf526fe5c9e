package org.peel.measure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The figures of a comparison group (England and Wales beside every force) from the published data, held between
 * reports for one generation of that data ({@link MeasureStore#publicGeneration()}): made once after each import and
 * read by every report until the next. Only the newest generation seen is held; a report that reads another (an
 * import committed since, or a transaction's own uncommitted change) starts the holding afresh, so a figure is never
 * served for a generation other than the one it was counted in.
 */
final class ComparisonFigures {

    private record Held(long generation, Map<List<Object>, Figure> figures) {
    }

    private final AtomicReference<Held> held = new AtomicReference<>(new Held(Long.MIN_VALUE, Map.of()));

    /** The figure held under the key for this generation, or the one {@code count} makes, then held. */
    Figure figure(long generation, List<Object> key, Supplier<Figure> count) {
        Held h = held.get();
        if (h.generation() != generation) {
            Held fresh = new Held(generation, new ConcurrentHashMap<>());
            h = held.compareAndSet(h, fresh) ? fresh : held.get();
            if (h.generation() != generation) {
                // another report moved the holding to another generation meanwhile: count, hold nothing
                return count.get();
            }
        }
        Figure f = h.figures().get(key);
        if (f == null) {
            f = count.get();
            h.figures().putIfAbsent(key, f);
        }
        return f;
    }
}
