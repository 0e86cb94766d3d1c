package org.havewemet.webadmin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request havewemet's routes refuse, answered as JSON in WebAdmin's error shape plus the offending parameter:
 * {@code {"statusCode":400,"type":"InvalidArgument","message":"...","parameter":"q"}}.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final String INVALID_ARGUMENT = "InvalidArgument";
    public static final String NOT_FOUND = "notFound";
    public static final String TOO_LARGE = "PayloadTooLarge";
    public static final String SERVER_ERROR = "ServerError";

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

    /** The JSON body. */
    public Map<String, Object> toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", status);
        body.put("type", type);
        body.put("message", getMessage());
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        if (!problems.isEmpty()) {
            body.put("problems", problems);
        }
        return body;
    }
}
