package org.havewemet.webadmin;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.havewemet.config.template.RenderedTemplate;
import org.havewemet.config.template.StoredTemplate;
import org.havewemet.config.template.TemplateEntry;
import org.havewemet.config.template.TemplateException;
import org.havewemet.config.template.TemplateId;
import org.havewemet.config.template.TemplateModel;
import org.havewemet.config.template.TemplateSource;
import org.havewemet.config.template.TemplateStore;
import org.havewemet.config.template.TemplateVersion;
import org.havewemet.index.InvitationRecord;
import org.havewemet.mailet.HaveWeMetRuntime;

import com.fasterxml.jackson.databind.JsonNode;

import spark.Request;

/** {@code /havewemet/templates...}: list, read, save, delete, history, rollback and preview of reply templates. */
final class TemplateRoutes {
    private final HaveWeMetRuntime runtime;

    TemplateRoutes(HaveWeMetRuntime runtime) {
        this.runtime = runtime;
    }

    Map<String, Object> list() {
        List<Map<String, Object>> templates = runtime.templates().list().stream().map(TemplateRoutes::entry).toList();
        return Map.of("templates", templates);
    }

    Map<String, Object> get(Request request) {
        TemplateId id = id(request);
        StoredTemplate stored = store().get(id)
            .orElseThrow(() -> ApiError.notFound("no template " + id.name() + "/" + id.locale()));
        Map<String, Object> out = ConfigRoutes.ordered("name", id.name(), "locale", id.locale(), "subject",
            stored.source().subject(), "body", stored.source().body(), "customized", stored.customized());
        out.put("problems", stored.problems());
        return out;
    }

    Map<String, Object> put(Request request) {
        TemplateId id = id(request);
        TemplateSource source = source(RequestBodies.json(request, RequestBodies.TEMPLATE_LIMIT));
        return version(call(() -> store().put(id, source, RequestBodies.who(request))));
    }

    Map<String, Object> delete(Request request) {
        TemplateId id = id(request);
        return version(call(() -> store().delete(id, RequestBodies.who(request))));
    }

    Map<String, Object> history(Request request) {
        TemplateId id = id(request);
        List<Map<String, Object>> versions = call(() -> store().history(id)).stream()
            .map(TemplateRoutes::version).toList();
        return ConfigRoutes.ordered("name", id.name(), "locale", id.locale(), "versions", versions);
    }

    Map<String, Object> rollback(Request request) {
        TemplateId id = id(request);
        String versionId = request.params(":versionId");
        return version(call(() -> store().rollback(id, versionId, RequestBodies.who(request))));
    }

    /**
     * Renders unsaved template text. Body: {@code subject}, {@code body}, and either {@code invitationId} (a stored
     * invitation supplies the values) or {@code sample} ({@code recipient{name,address}},
     * {@code inviter{name,headline,company,profileUrl,email}}, {@code platform}, {@code note}, {@code date}).
     */
    Map<String, Object> preview(Request request) {
        TemplateId id = id(request);
        JsonNode body = RequestBodies.json(request, RequestBodies.PREVIEW_LIMIT);
        TemplateSource source = source(body);
        String invitationId = RequestBodies.optionalString(body, "invitationId");
        TemplateModel model = invitationId != null ? stored(invitationId) : SampleModels.fromJson(body.get("sample"));
        RenderedTemplate rendered = call(() -> store().preview(id.name(), id.locale(), source, model));
        return ConfigRoutes.ordered("subject", rendered.subject(), "body", rendered.body(), "locale",
            rendered.usedLocale());
    }

    private TemplateModel stored(String invitationId) {
        Optional<InvitationRecord> record;
        try {
            record = runtime.index().get(invitationId);
        } catch (IOException e) {
            throw new ApiError(500, ApiError.SERVER_ERROR, "cannot read the index: " + e.getMessage(), null, null);
        }
        return SampleModels.fromRecord(record.orElseThrow(() -> new ApiError(404, ApiError.NOT_FOUND,
            "no invitation with id " + invitationId, "invitationId", null)));
    }

    private TemplateStore store() {
        return runtime.templates();
    }

    private static TemplateSource source(JsonNode body) {
        return new TemplateSource(RequestBodies.requiredString(body, "subject"),
            RequestBodies.requiredString(body, "body"));
    }

    /** The template of the path; 400 naming {@code name} or {@code locale} when either is not allowed. */
    private static TemplateId id(Request request) {
        String name = request.params(":name");
        String locale = request.params(":locale");
        try {
            TemplateId.of(name, "en");
        } catch (TemplateException invalid) {
            throw ApiError.invalid("name", invalid.getMessage());
        }
        try {
            return TemplateId.of(name, locale);
        } catch (TemplateException invalid) {
            throw ApiError.invalid("locale", invalid.getMessage());
        }
    }

    /** Runs a store operation, turning its exceptions into the matching HTTP errors. */
    private static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (TemplateException failed) {
            throw switch (failed.kind()) {
                case INVALID_NAME -> ApiError.invalid("versionId", failed.getMessage());
                case INVALID_TEMPLATE -> new ApiError(400, ApiError.INVALID_ARGUMENT, "the template is invalid",
                    "body", failed.problems());
                case NOT_FOUND -> ApiError.notFound(failed.getMessage());
                case STORAGE -> new ApiError(500, ApiError.SERVER_ERROR, failed.getMessage(), null, null);
            };
        }
    }

    private static Map<String, Object> entry(TemplateEntry entry) {
        Map<String, Object> out = ConfigRoutes.ordered("name", entry.id().name(), "locale", entry.id().locale(),
            "domain", entry.id().domain());
        out.put("shipped", entry.shipped());
        out.put("customized", entry.customized());
        return out;
    }

    private static Map<String, Object> version(TemplateVersion version) {
        Map<String, Object> out = ConfigRoutes.ordered("id", version.id(), "at", version.at().toString(), "who",
            version.who(), "action", version.action());
        out.put("subject", version.source() == null ? null : version.source().subject());
        out.put("body", version.source() == null ? null : version.source().body());
        out.put("rollbackOf", version.rollbackOf());
        return out;
    }
}
