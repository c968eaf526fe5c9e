package org.peel.module;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code --format text|json}: what people read, or what scripts read. A picocli mixin for every command, the
 * platform's and the modules' alike, so that the option reads the same under each.
 */
public class CommandOutput {

    public enum Format { text, json }

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output format: ${COMPLETION-CANDIDATES} (default: text)")
    Format format = Format.text;

    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public boolean json() {
        return format == Format.json;
    }

    /** Prints a JSON object in json mode, or the text in text mode. */
    public void print(PrintStream out, String text, Map<String, ?> json) {
        if (json()) {
            try {
                out.println(JSON.writeValueAsString(json));
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                throw new UncheckedIOException(ex);
            }
        } else {
            out.println(text);
        }
    }
}
