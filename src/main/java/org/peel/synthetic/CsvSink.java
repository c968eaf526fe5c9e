package org.peel.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --out DIR}: one UTF-8 CSV file per table, with a header line and Unix line ends. */
public final class CsvSink implements RecordSink {

    private final Path dir;
    private final Map<Table, Writer> writers = new LinkedHashMap<>();

    public CsvSink(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
    }

    @Override
    public Writer open(Table table) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(
                Files.newOutputStream(dir.resolve(table.fileName())), StandardCharsets.UTF_8), 1 << 16);
        writers.put(table, w);
        return w;
    }

    /** The tables written, in the order they were opened (parents before children). */
    public List<Table> tables() {
        return new ArrayList<>(writers.keySet());
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void finish(Generation generation, Map<String, Long> counts) throws IOException {
        closeWriters();
    }

    private void closeWriters() throws IOException {
        IOException first = null;
        for (Writer w : writers.values()) {
            try {
                w.close();
            } catch (IOException ex) {
                if (first == null) {
                    first = ex;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public void close() throws IOException {
        closeWriters();
    }
}
