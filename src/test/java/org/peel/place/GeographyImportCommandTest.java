package org.peel.place;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.platform.PeelCommand;
import org.peel.testing.TestDatabase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The peel import geography command")
class GeographyImportCommandTest {

    @Test
    @DisplayName("a folder without the lookups fails with a non-zero exit and one line naming the missing file")
    void missingFiles(@TempDir Path empty) throws IOException {
        TestDatabase.Fresh db = TestDatabase.fresh();
        Files.createDirectories(empty.resolve("lookups"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = PeelCommand.execute("import", "geography", empty.toString(), "--db-url", db.jdbcUrl());
        } finally {
            System.setErr(original);
        }

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("peel: lookups/LAD17_CSP17_PFA17_lookup_EW_v2.csv: file not found");
        assertThat(new PlaceStore(db.jdbi()).counts().boroughs()).isEqualTo(33);
    }
}
