package org.havewemet.webadmin;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.havewemet.mailet.HaveWeMetRuntime;

import spark.Service;

/**
 * havewemet's WebAdmin routes under {@code /havewemet/}. Register in {@code webadmin.properties}:
 * <pre>extensions.routes=org.havewemet.webadmin.HaveWeMetRoutes</pre>
 * They sit behind WebAdmin's own authentication (JWT when enabled), like every James route.
 */
public class HaveWeMetRoutes implements Routes {
    public static final String BASE = "/havewemet";

    private final HaveWeMetRuntime runtime;
    private final JsonTransformer json;

    @Inject
    public HaveWeMetRoutes(HaveWeMetRuntime runtime, JsonTransformer json) {
        this.runtime = runtime;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return BASE;
    }

    @Override
    public void define(Service service) {
        service.get(BASE + "/config", (request, response) -> {
            response.type("application/json");
            Map<String, Object> folders = new LinkedHashMap<>();
            folders.put("priority", runtime.folders().priority());
            folders.put("unexplained", runtime.folders().unexplained());
            folders.put("suspicious", runtime.folders().suspicious());
            folders.put("drafts", runtime.folders().drafts());
            return Map.of("folders", folders);
        }, json);
    }
}
