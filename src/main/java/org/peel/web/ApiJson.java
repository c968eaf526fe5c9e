package org.peel.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import org.peel.common.BadInput;

import java.util.Collection;

/**
 * How the JSON API reads and writes bodies: every request body is bound to a record, strictly. A value of the
 * wrong JSON type is refused rather than coerced ({@code "abc"} is not a latitude of 0.0, {@code "1"} is not a
 * number, {@code 1} is not {@code true}), a field the record does not have is refused rather than ignored (a
 * misspelt field would otherwise be silently lost), {@code null} is not a body, and every list has a ceiling.
 * Each refusal is a {@link BadInput} naming the field, which the server answers as 400 problem+json.
 */
public final class ApiJson {

    /**
     * The mapper for /api/v1: strict on the way in, ISO dates on the way out, and every field named in snake_case
     * (the house style of Peel's JSON, the CLI's {@code --format json} included), whether or not the record spells
     * it out with {@code @JsonProperty}.
     */
    public static final ObjectMapper MAPPER = strict();

    private ApiJson() {
    }

    /** A request body that checks its own limits (list sizes) once bound. */
    public interface Body {
        /** @throws BadInput naming the field that is over its limit */
        default void check() {
        }
    }

    /** The request body bound to {@code type}; 400 naming the field when it is absent, malformed or mistyped. */
    public static <T> T body(Context ctx, Class<T> type) {
        return read(ctx.body(), type);
    }

    /** As {@link #body(Context, Class)}, from text. */
    public static <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw BadInput.field("body", "Send a JSON object");
        }
        T value;
        try {
            value = MAPPER.readValue(json, type);
        } catch (UnrecognizedPropertyException ex) {
            throw BadInput.field(path(ex), "Peel does not take a field '" + ex.getPropertyName()
                    + "' here; check its spelling against GET /api/v1/openapi.json");
        } catch (InvalidFormatException ex) {
            throw BadInput.field(path(ex), "Expected " + expected(ex.getTargetType()) + ", not "
                    + excerpt(ex.getValue()));
        } catch (MismatchedInputException ex) {
            String field = path(ex);
            throw BadInput.field(field, "body".equals(field) ? "Send a JSON object"
                    : "Expected " + expected(ex.getTargetType()));
        } catch (JsonParseException ex) {
            throw BadInput.field("body", "The request body is not valid JSON: " + firstLine(ex.getOriginalMessage()));
        } catch (JsonMappingException ex) {
            if (ex.getCause() instanceof BadInput bad) {
                throw bad;
            }
            throw BadInput.field(path(ex), "The value does not have the expected shape");
        } catch (JsonProcessingException ex) {
            throw BadInput.field("body", "The request body is not valid JSON: " + firstLine(ex.getOriginalMessage()));
        }
        if (value == null) {
            throw BadInput.field("body", "Send a JSON object, not null");
        }
        if (value instanceof Body checked) {
            checked.check();
        }
        return value;
    }

    /** Refuses a list longer than {@code most}, naming it: a request's lists are bounded so one call stays cheap. */
    public static void atMost(String field, Collection<?> values, int most) {
        if (values != null && values.size() > most) {
            throw BadInput.field(field, "At most " + most + " items in one request (" + values.size() + " sent)");
        }
    }

    private static ObjectMapper strict() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        // no scalar turns into another: strings stay strings, numbers numbers, booleans booleans
        for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.Textual, LogicalType.DateTime, LogicalType.Enum}) {
            var config = mapper.coercionConfigFor(type);
            for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.String,
                    CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean,
                    CoercionInputShape.EmptyString}) {
                config.setCoercion(shape, CoercionAction.Fail);
            }
        }
        // ... except that text is text, and dates and enums are written as text
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsEmpty);
        mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        return mapper;
    }

    /** The JSON path of the field at fault, such as {@code victims[2].date_of_birth}; "body" for the whole. */
    private static String path(JsonMappingException ex) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : ex.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "a JSON object";
    }

    /** At most a short excerpt of what was sent, so an error never echoes a large value back. */
    private static String excerpt(Object value) {
        String s = String.valueOf(value);
        return "'" + (s.length() > 20 ? s.substring(0, 20) + "…" : s) + "'";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
