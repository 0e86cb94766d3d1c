package org.havewemet.webadmin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Pattern;

import spark.Request;

/** Reading request bodies within a size limit, as UTF-8 text or JSON; and who is asking. */
final class RequestBodies {
    private static final Pattern DOT = Pattern.compile("\\.");
    static final int TEMPLATE_LIMIT = 64 * 1024;
    static final int PREVIEW_LIMIT = 1024 * 1024;
    static final int CONFIG_LIMIT = 1024 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RequestBodies() {
    }

    /** The body as UTF-8 text; 413 past {@code limit} bytes (checked on Content-Length first, then on reading). */
    static String text(Request request, int limit) {
        long declared = request.raw().getContentLengthLong();
        if (declared > limit) {
            throw ApiError.tooLarge("body", limit);
        }
        byte[] bytes;
        try (InputStream in = request.raw().getInputStream()) {
            bytes = in.readNBytes(limit + 1);
        } catch (IOException e) {
            throw ApiError.invalid("body", "cannot read the request body: " + e.getMessage());
        }
        if (bytes.length > limit) {
            throw ApiError.tooLarge("body", limit);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiError.invalid("body", "the request body is not valid UTF-8");
        }
    }

    /** The body as a JSON object; 400 naming {@code body} when it is not one. */
    static JsonNode json(Request request, int limit) {
        String text = text(request, limit);
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw ApiError.invalid("body", "expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiError.invalid("body", "invalid JSON: " + e.getOriginalMessage());
        }
    }

    /** A string field of a JSON object: null when absent, 400 naming the field when it is not a string. */
    static String optionalString(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiError.invalid(field, "expected \"" + field + "\" to be a string");
        }
        return value.asText();
    }

    static String requiredString(JsonNode object, String field) {
        String value = optionalString(object, field);
        if (value == null) {
            throw ApiError.invalid(field, "missing \"" + field + "\"");
        }
        return value;
    }

    /**
     * Who made a change, for template history: the subject of the WebAdmin JWT when there is one (WebAdmin has
     * already verified its signature before any route runs), else {@code webadmin}.
     */
    static String who(Request request) {
        String header = request.headers("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "webadmin";
        }
        String[] parts = DOT.split(header.substring(7).trim());
        if (parts.length < 2) {
            return "webadmin";
        }
        try {
            JsonNode claims = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode subject = claims == null ? null : claims.get("sub");
            return subject != null && subject.isTextual() && !subject.asText().isBlank() ? subject.asText() : "webadmin";
        } catch (IOException | IllegalArgumentException unreadable) {
            return "webadmin";
        }
    }
}
