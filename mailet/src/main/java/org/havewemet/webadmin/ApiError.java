package org.havewemet.webadmin;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.james.webadmin.utils.ErrorResponder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A request havewemet's routes refuse, answered as JSON in WebAdmin's error format: the body James'
 * {@link ErrorResponder} writes for every route ({@code statusCode}, {@code type}, {@code message}, {@code details}),
 * plus the offending parameter and the list of problems when there are some:
 * {@code {"statusCode":400,"type":"InvalidArgument","message":"...","details":null,"parameter":"q"}}.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final String INVALID_ARGUMENT = ErrorResponder.ErrorType.INVALID_ARGUMENT.getType();
    public static final String NOT_FOUND = ErrorResponder.ErrorType.NOT_FOUND.getType();
    public static final String TOO_LARGE = "PayloadTooLarge";
    public static final String SERVER_ERROR = ErrorResponder.ErrorType.SERVER_ERROR.getType();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String type;
    private final String parameter;
    private final transient List<String> problems;

    public ApiError(int status, String type, String message, String parameter, List<String> problems) {
        super(message);
        this.status = status;
        this.type = type;
        this.parameter = parameter;
        this.problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** 400 naming the parameter or body field at fault. */
    public static ApiError invalid(String parameter, String message) {
        return new ApiError(400, INVALID_ARGUMENT, message, parameter, List.of());
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, NOT_FOUND, message, null, List.of());
    }

    public static ApiError tooLarge(String parameter, long limit) {
        return new ApiError(413, TOO_LARGE, "request body is larger than " + limit + " bytes", parameter, List.of());
    }

    public int status() {
        return status;
    }

    /** The JSON body: James' own error body when the type is one of James', then our additions. */
    public Map<String, Object> toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        Optional<ErrorResponder.ErrorType> james = Arrays.stream(ErrorResponder.ErrorType.values())
            .filter(known -> known.getType().equals(type))
            .findFirst();
        if (james.isPresent()) {
            body.putAll(jamesBody(james.get()));
        } else {
            body.put("statusCode", status);
            body.put("type", type);
            body.put("message", getMessage());
            body.put("details", null);
        }
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        if (!problems.isEmpty()) {
            body.put("problems", problems);
        }
        return body;
    }

    private Map<String, Object> jamesBody(ErrorResponder.ErrorType james) {
        String text = ErrorResponder.builder().statusCode(status).type(james).message(getMessage()).asString();
        try {
            return JSON.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("WebAdmin's error body is not JSON: " + text, e);
        }
    }
}
