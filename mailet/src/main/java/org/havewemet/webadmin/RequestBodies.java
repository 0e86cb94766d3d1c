package org.havewemet.webadmin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import org.apache.james.webadmin.authentication.AuthenticationFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import spark.Request;

/** Reading request bodies within a size limit, as UTF-8 text or JSON; and who is asking. */
final class RequestBodies {
    /** The author of a change made without a verified WebAdmin token (JWT off). */
    static final String UNAUTHENTICATED = "unauthenticated";
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
     * Who made a change, for template history: the login WebAdmin's JWT filter verified (it puts the token's subject
     * in {@link AuthenticationFilter#LOGIN} only after checking the signature and the admin claim), else
     * {@link #UNAUTHENTICATED}. The Authorization header itself is never read here: with JWT off nobody checks it,
     * and an unsigned token would otherwise name any author it likes.
     */
    static String who(Request request) {
        Object login = request.attribute(AuthenticationFilter.LOGIN);
        return login instanceof String verified && !verified.isBlank() ? verified : UNAUTHENTICATED;
    }
}
