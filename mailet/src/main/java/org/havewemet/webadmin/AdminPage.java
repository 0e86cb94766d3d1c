package org.havewemet.webadmin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.re2j.Pattern;

import spark.Request;
import spark.Response;

/**
 * The admin web page: a few static files from the classpath ({@code org/havewemet/webadmin/ui/}), served with a
 * strict Content-Security-Policy (no inline script, nothing from elsewhere) so that even a bug in the page could not
 * run script an inviter wrote.
 */
final class AdminPage {
    static final String CSP = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final String UI_PATH = HaveWeMetRoutes.BASE + "/ui/";
    private static final String FOLDER = "/org/havewemet/webadmin/ui/";
    private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9-]{0,40}\\.(html|js|css)");
    private static final Map<String, String> TYPES = Map.of(
        "html", "text/html; charset=utf-8",
        "js", "text/javascript; charset=utf-8",
        "css", "text/css; charset=utf-8");

    private AdminPage() {
    }

    static Object index(Request request, Response response) {
        return index(HaveWeMetRoutes.BASE, response);
    }

    static Object file(Request request, Response response) {
        return file(HaveWeMetRoutes.BASE, request, response);
    }

    /** The page as served under {@code base} ({@code /havewemet}, or {@link AdminPageRoutes#BASE}). */
    static Object index(String base, Response response) {
        return serve(base, "index.html", response);
    }

    static Object file(String base, Request request, Response response) {
        String name = request.params(":file");
        if (name == null || !FILE.matcher(name).matches()) {
            return notFound(response);
        }
        return serve(base, name, response);
    }

    private static Object serve(String base, String name, Response response) {
        byte[] content = read(name);
        if (content == null) {
            return notFound(response);
        }
        secure(response);
        response.type(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        response.status(200);
        String text = new String(content, StandardCharsets.UTF_8);
        // The page's own files are linked absolutely (base-uri 'none' forbids <base>): point them at where it is.
        return name.endsWith(".html") ? text.replace(UI_PATH, base + "/ui/") : text;
    }

    private static Object notFound(Response response) {
        secure(response);
        response.type("text/plain; charset=utf-8");
        response.status(404);
        return "not found";
    }

    private static void secure(Response response) {
        response.header("Content-Security-Policy", CSP);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "no-referrer");
        response.header("Cache-Control", "no-store");
    }

    private static byte[] read(String name) {
        try (InputStream in = AdminPage.class.getResourceAsStream(FOLDER + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
