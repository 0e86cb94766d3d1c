package org.havewemet.webadmin;

import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import javax.inject.Inject;

import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.task.Task;
import org.apache.james.task.TaskId;
import org.apache.james.task.TaskManager;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.routes.TasksRoutes;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.havewemet.mailet.HaveWeMetRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.re2j.Pattern;

import spark.Request;
import spark.Response;
import spark.Route;
import spark.Service;

/**
 * havewemet's WebAdmin routes under {@code /havewemet/}, the single entry to register in {@code webadmin.properties}:
 * <pre>extensions.routes=org.havewemet.webadmin.HaveWeMetRoutes</pre>
 * They sit behind WebAdmin's own authentication (JWT when enabled), like every James route; with JWT on, register
 * {@link AdminPageRoutes} too, so that a browser can load the page that then sends the token. The work is split by
 * subject into {@link ConfigRoutes}, {@link TemplateRoutes}, {@link InvitationRoutes}, {@link DashboardRoutes} and
 * {@link AdminPage}; this class only maps paths to them and turns refusals into JSON errors.
 */
public class HaveWeMetRoutes implements Routes {
    public static final String BASE = "/havewemet";
    static final String TASK_ID = "taskId";
    private static final Function<Map<String, Object>, String> TASK_LOCATION =
        body -> TasksRoutes.BASE + "/" + body.get(TASK_ID);
    private static final Logger LOGGER = LoggerFactory.getLogger(HaveWeMetRoutes.class);
    /** someone@example.com, loosely (RE2/J; \x0B keeps what java.util.regex's \s matched). */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s\\x0B]+@[^@\\s\\x0B]+");

    private final HaveWeMetRuntime runtime;
    private final JsonTransformer json;
    private final ConfigRoutes config;
    private final TemplateRoutes templates;
    private final InvitationRoutes invitations;
    private final TaskManager taskManager;
    private final DashboardRoutes dashboard;

    @Inject
    public HaveWeMetRoutes(HaveWeMetRuntime runtime, JsonTransformer json, TaskManager taskManager,
                           MetricFactory metrics) {
        this.runtime = runtime;
        this.dashboard = new DashboardRoutes(runtime, metrics);
        this.taskManager = taskManager;
        this.json = json;
        this.config = new ConfigRoutes(runtime);
        this.templates = new TemplateRoutes(runtime);
        this.invitations = new InvitationRoutes(runtime);
    }

    @Override
    public String getBasePath() {
        return BASE;
    }

    @Override
    public void define(Service service) {
        String template = BASE + "/templates/:name/:locale";
        json(service::get, BASE + "/config", request -> config.effective());
        json(service::post, BASE + "/config/validate", config::validate);
        json(service::get, BASE + "/templates", request -> templates.list());
        json(service::get, template, templates::get);
        json(service::put, template, templates::put);
        json(service::delete, template, templates::delete);
        json(service::get, template + "/history", templates::history);
        json(service::post, template + "/rollback/:versionId", templates::rollback);
        json(service::post, template + "/preview", templates::preview);
        json(service::get, BASE + "/invitations", invitations::invitations);
        json(service::post, BASE + "/invitations/:id/verdict", invitations::correct);
        json(service::get, BASE + "/inviters", invitations::inviters);
        json(service::get, BASE + "/inviters/bulk", request -> Map.of("inviters", runtime.bulkInviters()));
        task(service::delete, BASE + "/inviters/:address", invitations::erase);
        task(service::post, BASE + "/retention/purge", invitations::purge);
        task(service::post, BASE + "/backfill", request -> invitations.indexMailboxes(request, false));
        task(service::post, BASE + "/reindex", request -> invitations.indexMailboxes(request, true));
        json(service::get, BASE + "/stats", request -> invitations.stats());
        json(service::post, BASE + "/digest", this::sendDigest);
        json(service::get, BASE + "/stats/daily", dashboard::daily);
        json(service::get, BASE + "/stats/replies", request -> dashboard.replies(invitations.stats()));
        json(service::get, BASE + "/stats/failures", request -> dashboard.failures(invitations.stats()));
        json(service::get, BASE + "/decisions", dashboard::decisions);
        service.get(BASE + "/stats/daily.svg", this::dailyChart);
        service.get(BASE, AdminPage::index);
        service.get(BASE + "/", AdminPage::index);
        service.get(BASE + "/ui/:file", AdminPage::file);
    }

    /** {@code POST /havewemet/digest?user=ADDRESS}: sends that user's digest now, whatever the schedule. */
    private Map<String, Object> sendDigest(Request request) {
        String user = request.queryParams("user");
        if (user == null || user.length() > 320 || !ADDRESS.matcher(user).matches()) {
            throw ApiError.invalid("user", "expected the user's address like demo@example.com");
        }
        try {
            int items = runtime.sendDigest(user.trim().toLowerCase(Locale.ROOT));
            return ConfigRoutes.ordered("user", user, "items", items);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("digest for one user failed", e);
        }
    }

    /** {@code GET /havewemet/stats/daily.svg?days=N}: {@link DailyChart} of {@code /stats/daily}, or its JSON error. */
    private Object dailyChart(Request request, Response response) throws JsonProcessingException {
        Object answer = answer(dashboard::daily, request, response, 200, body -> null);
        if (response.status() != 200) {
            return json.render(answer);
        }
        response.type(DailyChart.TYPE);
        response.header("Content-Security-Policy", AdminPage.CSP);
        response.header("Cache-Control", "no-store");
        @SuppressWarnings("unchecked") // a successful answer is the handler's map
        Map<String, Object> daily = (Map<String, Object>) answer;
        return DailyChart.svg(daily);
    }

    /**
     * Registers a route that starts a WebAdmin task, answered the way James' own task routes answer: 201, a
     * {@code Location: /tasks/{id}} header and {@code {"taskId":"..."}}; {@code GET /tasks/{id}} shows its progress.
     */
    private void task(BiConsumer<String, Route> verb, String path, Function<Request, Task> handler) {
        json(verb, path, request -> {
            TaskId id = taskManager.submit(handler.apply(request));
            return ConfigRoutes.ordered(TASK_ID, id.asString());
        }, 201, TASK_LOCATION);
    }

    /** Registers a JSON route whose handler may refuse with an {@link ApiError}. */
    private void json(BiConsumer<String, Route> verb, String path, Function<Request, Map<String, Object>> handler) {
        json(verb, path, handler, 200, body -> null);
    }

    private void json(BiConsumer<String, Route> verb, String path, Function<Request, Map<String, Object>> handler,
                      int status, Function<Map<String, Object>, String> location) {
        verb.accept(path, (request, response) -> json.render(answer(handler, request, response, status, location)));
    }

    private Object answer(Function<Request, Map<String, Object>> handler, Request request, Response response,
                          int status, Function<Map<String, Object>, String> location) {
        response.type("application/json");
        response.header("X-Content-Type-Options", "nosniff");
        try {
            if (!runtime.isDeclared()) {
                throw new ApiError(503, "ServiceUnavailable", HaveWeMetRuntime.NOT_DECLARED, null, null);
            }
            Map<String, Object> body = handler.apply(request);
            response.status(status);
            String where = location.apply(body);
            if (where != null) {
                response.header("Location", where);
            }
            return body;
        } catch (ApiError refused) {
            response.status(refused.status());
            return refused.toJson();
        } catch (RuntimeException failed) {
            LOGGER.error("havewemet: {} {} failed", request.requestMethod(), request.pathInfo(), failed);
            response.status(500);
            return new ApiError(500, ApiError.SERVER_ERROR, "internal error: " + failed.getClass().getSimpleName(),
                null, null).toJson();
        }
    }
}
