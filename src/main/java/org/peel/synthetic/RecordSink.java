package org.peel.synthetic;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Where a generation goes: CSV files ({@link CsvSink}) or Peel's database ({@link DatabaseSink}).
 * Tables are opened in parent-first order, so a sink that loads them in that order satisfies every foreign key.
 */
public interface RecordSink extends AutoCloseable {

    /** Refuses early, before any work, when this generation cannot be written here. */
    default void checkCanWrite(Generation generation) {
    }

    /** The boroughs the records refer to, for a sink that must make sure they exist. */
    default void places(String forceCode, String forceName, List<Area.Borough> boroughs) {
    }

    /** A writer for one table's CSV text, header first. Called once per table. */
    Writer open(Table table) throws IOException;

    /** Makes the whole generation durable (for a database, in one transaction) after every writer is done. */
    void finish(Generation generation, Map<String, Long> counts) throws IOException;

    @Override
    void close() throws IOException;
}
