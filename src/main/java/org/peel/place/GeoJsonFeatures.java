package org.peel.place;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.peel.common.BadInput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The features of a GeoJSON FeatureCollection of polygons in WGS84 longitude/latitude, read one at a time.
 * <p>
 * jts-io-common's {@code GeoJsonReader} reads one geometry from a string and keeps no track of where in the file it
 * was; here Jackson streams the collection, so each feature's properties come with it and a bad one is named by its
 * position and line, and the coordinates go straight into JTS without a second parse.
 */
final class GeoJsonFeatures {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One feature: its position in the file (from 1), the line it starts on, properties, and geometry (may be null). */
    record Feature(String source, int index, long line, JsonNode properties, Geometry geometry) {
        String text(String property) {
            JsonNode v = properties.get(property);
            return v == null || v.isNull() ? "" : v.asText().strip();
        }

        BadInput bad(String field, String problem) {
            return new BadInput(source + " feature " + index, line, field, problem);
        }
    }

    private GeoJsonFeatures() {
    }

    static void read(Path file, GeometryFactory factory, Consumer<Feature> action) {
        String source = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file);
             JsonParser p = new JsonFactory(MAPPER).createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadInput(source, 1, null, "not a GeoJSON object");
            }
            boolean sawFeatures = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!"features".equals(field)) {
                    p.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new BadInput(source, p.currentLocation().getLineNr(), "features", "is not an array");
                }
                sawFeatures = true;
                int index = 0;
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    index++;
                    long line = p.currentLocation().getLineNr();
                    JsonNode node = p.readValueAsTree();
                    Feature partial = new Feature(source, index, line, null, null);
                    JsonNode properties = node.path("properties");
                    Geometry geometry = geometry(node.get("geometry"), factory, partial);
                    action.accept(new Feature(source, index, line,
                            properties.isObject() ? properties : MAPPER.createObjectNode(), geometry));
                }
            }
            if (!sawFeatures) {
                throw new BadInput(source, 1, "features", "missing: not a FeatureCollection");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new BadInput(source, ex.getLocation() == null ? 0 : ex.getLocation().getLineNr(), null,
                    "not valid JSON: " + ex.getOriginalMessage());
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + file, ex);
        }
    }

    private static Geometry geometry(JsonNode g, GeometryFactory factory, Feature where) {
        if (g == null || g.isNull()) {
            return null;
        }
        String type = g.path("type").asText();
        JsonNode coordinates = g.get("coordinates");
        if (coordinates == null || !coordinates.isArray()) {
            throw where.bad("geometry.coordinates", "missing or not an array");
        }
        return switch (type) {
            case "Polygon" -> polygon(coordinates, factory, where);
            case "MultiPolygon" -> {
                Polygon[] parts = new Polygon[coordinates.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(coordinates.get(i), factory, where);
                }
                yield factory.createMultiPolygon(parts);
            }
            default -> throw where.bad("geometry.type", "'" + type + "' is not Polygon or MultiPolygon");
        };
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory factory, Feature where) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw where.bad("geometry.coordinates", "a polygon without rings");
        }
        LinearRing shell = ring(rings.get(0), factory, where);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), factory, where);
        }
        return factory.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions, GeometryFactory factory, Feature where) {
        if (!positions.isArray() || positions.size() < 3) {
            throw where.bad("geometry.coordinates", "a ring needs at least 3 positions");
        }
        int n = positions.size();
        boolean closed = positions.get(0).equals(positions.get(n - 1));
        // some producers leave rings open; JTS needs them closed
        Coordinate[] coords = new Coordinate[closed ? n : n + 1];
        for (int i = 0; i < n; i++) {
            JsonNode pos = positions.get(i);
            if (!pos.isArray() || pos.size() < 2 || !pos.get(0).isNumber() || !pos.get(1).isNumber()) {
                throw where.bad("geometry.coordinates", "position " + pos + " is not [longitude, latitude]");
            }
            double lon = pos.get(0).doubleValue();
            double lat = pos.get(1).doubleValue();
            if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                throw where.bad("geometry.coordinates", "position " + pos + " is not WGS84 longitude, latitude");
            }
            coords[i] = new Coordinate(lon, lat);
        }
        if (!closed) {
            coords[n] = coords[0].copy();
        }
        if (coords.length < 4) {
            throw where.bad("geometry.coordinates", "a ring needs at least 3 distinct positions");
        }
        return factory.createLinearRing(coords);
    }
}
