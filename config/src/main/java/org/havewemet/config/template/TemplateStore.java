package org.havewemet.config.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.havewemet.config.TemplatesConfig;

/**
 * Admin-editable reply templates: shipped defaults in the jar, the admin's versions under the templates directory
 * (optionally per recipient domain), a history of every change with rollback, and rendering with locale fallback.
 * <p>
 * Rendering picks, for each locale of the fallback chain in turn (explicit locale, note language, their base
 * languages, the default locale, then {@code en}), the domain override, else the admin's server-wide template, else
 * the shipped default; so the best language wins first, and within a language the most specific template wins.
 * Files edited directly on disk are picked up on the next render. Writes are serialized by this object; use one
 * store per directory.
 */
public final class TemplateStore {
    private static final String FALLBACK_LOCALE = "en";
    private static final String DISK_EDITOR = "edited on disk";

    private final String defaultLocale;
    private final ShippedTemplates shipped = ShippedTemplates.instance();
    private final CustomTemplates custom;
    private final TemplateHistory history;

    /**
     * @param directory     the templates directory; created on the first save
     * @param defaultLocale locale tried after the candidates, e.g. {@code en}
     * @param clock         source of version timestamps
     */
    public TemplateStore(Path directory, String defaultLocale, Clock clock) {
        this.defaultLocale = TemplateId.asLocale(defaultLocale).orElse(FALLBACK_LOCALE);
        this.custom = new CustomTemplates(directory);
        this.history = new TemplateHistory(directory.resolve(".history"), clock);
    }

    /** The store configured by {@code templates.*}, resolved against the James working directory. */
    public static TemplateStore create(TemplatesConfig config, Path jamesWorkingDirectory, Clock clock) {
        return new TemplateStore(config.resolvedDirectory(jamesWorkingDirectory), config.defaultLocale(), clock);
    }

    /** Every shipped and every customized template, sorted by name, domain and locale. */
    public List<TemplateEntry> list() {
        TreeMap<String, TemplateEntry> entries = new TreeMap<>();
        List<TemplateId> customized = custom.ids();
        for (TemplateId id : shipped.ids()) {
            entries.put(sortKey(id), new TemplateEntry(id, true, customized.contains(id)));
        }
        for (TemplateId id : customized) {
            entries.putIfAbsent(sortKey(id), new TemplateEntry(id, false, true));
        }
        return List.copyOf(entries.values());
    }

    public Optional<StoredTemplate> get(String name, String locale) {
        return get(TemplateId.of(name, locale));
    }

    /** The admin's version when there is one (with its problems if it was broken on disk), else the shipped one. */
    public Optional<StoredTemplate> get(TemplateId id) {
        Optional<CustomTemplates.Snapshot> file = custom.read(id);
        if (file.isPresent()) {
            CustomTemplates.Snapshot snapshot = file.get();
            TemplateSource source = snapshot.valid() ? snapshot.compiled().source() : lenientParse(snapshot.text());
            return Optional.of(new StoredTemplate(id, source, true, snapshot.problems()));
        }
        if (id.domain() != null) {
            return Optional.empty();
        }
        return shipped.get(id.name(), id.locale()).map(c -> new StoredTemplate(id, c.source(), false, List.of()));
    }

    /** Checks a template without saving it; empty when valid. */
    public List<String> validate(String name, TemplateSource source) {
        try {
            TemplateEngine.compile(TemplateId.requireName(name), source);
            return List.of();
        } catch (TemplateException invalid) {
            return invalid.problems();
        }
    }

    /** Renders a template that is not saved, e.g. for a WebAdmin preview. */
    public RenderedTemplate preview(String name, String locale, TemplateSource source, TemplateModel model) {
        return TemplateEngine.render(TemplateEngine.compile(TemplateId.requireName(name), source), model, locale);
    }

    public TemplateVersion put(String name, String locale, TemplateSource source, String who) {
        return put(TemplateId.of(name, locale), source, who);
    }

    /**
     * Validates and saves a template atomically, recording the new version.
     *
     * @throws TemplateException INVALID_TEMPLATE listing every problem, or STORAGE
     */
    public synchronized TemplateVersion put(TemplateId id, TemplateSource source, String who) {
        TemplateEngine.compile(id.name(), source);
        return write(id, source, cleanWho(who), "save", null);
    }

    public TemplateVersion delete(String name, String locale, String who) {
        return delete(TemplateId.of(name, locale), who);
    }

    /**
     * Removes the admin's version, so the shipped default applies again; recorded in the history.
     *
     * @throws TemplateException NOT_FOUND when the template is not customized
     */
    public synchronized TemplateVersion delete(TemplateId id, String who) {
        if (!Files.exists(custom.path(id))) {
            throw new TemplateException(TemplateException.Kind.NOT_FOUND, describe(id) + " is not customized");
        }
        return remove(id, cleanWho(who), "delete", null);
    }

    public List<TemplateVersion> history(String name, String locale) {
        return history(TemplateId.of(name, locale));
    }

    /** Every recorded version, newest first. */
    public List<TemplateVersion> history(TemplateId id) {
        try {
            return history.list(id);
        } catch (IOException broken) {
            throw storage(id, broken);
        }
    }

    public Optional<TemplateVersion> version(TemplateId id, String versionId) {
        try {
            return history.get(id, versionId);
        } catch (IOException broken) {
            throw storage(id, broken);
        }
    }

    public TemplateVersion rollback(String name, String locale, String versionId, String who) {
        return rollback(TemplateId.of(name, locale), versionId, who);
    }

    /**
     * Makes a recorded version current again; the rollback is itself recorded as a new version.
     *
     * @throws TemplateException NOT_FOUND for an unknown version, INVALID_TEMPLATE when it no longer validates
     */
    public synchronized TemplateVersion rollback(TemplateId id, String versionId, String who) {
        TemplateVersion target = version(id, versionId).orElseThrow(() -> new TemplateException(
                TemplateException.Kind.NOT_FOUND, describe(id) + " has no version " + versionId));
        if (target.source() == null) {
            return remove(id, cleanWho(who), "rollback", versionId);
        }
        TemplateEngine.compile(id.name(), target.source());
        return write(id, target.source(), cleanWho(who), "rollback", versionId);
    }

    /**
     * Renders the best template for a mail.
     *
     * @param localeCandidates explicit locale then the note's language, best first; nulls and junk are skipped
     * @param recipientDomain  domain of the local recipient, for per-domain overrides; null or junk for none
     * @throws TemplateException INVALID_NAME for a bad name, NOT_FOUND when no locale of the chain has it
     */
    public RenderedTemplate render(String name, List<String> localeCandidates, String recipientDomain,
                                   TemplateModel model) {
        TemplateId.requireName(name);
        Optional<String> domain = TemplateId.asDomain(recipientDomain);
        for (String locale : localeChain(localeCandidates)) {
            if (domain.isPresent()) {
                Optional<TemplateEngine.Compiled> override = usable(TemplateId.forDomain(domain.get(), name, locale));
                if (override.isPresent()) {
                    return TemplateEngine.render(override.get(), model, locale);
                }
            }
            Optional<TemplateEngine.Compiled> chosen = usable(TemplateId.of(name, locale))
                    .or(() -> shipped.get(name, locale));
            if (chosen.isPresent()) {
                return TemplateEngine.render(chosen.get(), model, locale);
            }
        }
        throw new TemplateException(TemplateException.Kind.NOT_FOUND, "no template \"" + name + "\" in any of "
                + localeChain(localeCandidates));
    }

    /** The locales tried for these candidates: each one, then its language, then the default locale, then en. */
    public List<String> localeChain(List<String> candidates) {
        Set<String> chain = new LinkedHashSet<>();
        List<String> all = new ArrayList<>();
        if (candidates != null) {
            all.addAll(candidates);
        }
        all.add(defaultLocale);
        all.add(FALLBACK_LOCALE);
        for (String candidate : all) {
            TemplateId.asLocale(candidate).ifPresent(locale -> {
                chain.add(locale);
                chain.add(locale.substring(0, 2));
            });
        }
        return List.copyOf(chain);
    }

    private Optional<TemplateEngine.Compiled> usable(TemplateId id) {
        return custom.read(id).filter(CustomTemplates.Snapshot::valid).map(CustomTemplates.Snapshot::compiled);
    }

    private TemplateVersion write(TemplateId id, TemplateSource source, String who, String action, String rollbackOf) {
        try {
            recordDiskEdit(id);
            AtomicFiles.write(custom.path(id), source.toText());
            custom.invalidate(id);
            return history.append(id, who, action, source, rollbackOf);
        } catch (IOException broken) {
            throw storage(id, broken);
        }
    }

    private TemplateVersion remove(TemplateId id, String who, String action, String rollbackOf) {
        try {
            recordDiskEdit(id);
            Files.deleteIfExists(custom.path(id));
            custom.invalidate(id);
            return history.append(id, who, action, null, rollbackOf);
        } catch (IOException broken) {
            throw storage(id, broken);
        }
    }

    /** A file changed by hand since the last recorded version is recorded first, so no text is ever lost. */
    private void recordDiskEdit(TemplateId id) throws IOException {
        Path file = custom.path(id);
        if (!Files.isRegularFile(file)) {
            return;
        }
        TemplateSource onDisk = lenientParse(Files.readString(file));
        Optional<TemplateVersion> latest = history.list(id).stream().findFirst();
        if (latest.isEmpty() || !onDisk.equals(latest.get().source())) {
            history.append(id, DISK_EDITOR, "disk-edit", onDisk, null);
        }
    }

    private static TemplateSource lenientParse(String text) {
        try {
            return TemplateSource.parse(text);
        } catch (TemplateException unparsable) {
            return new TemplateSource("", text);
        }
    }

    private static String cleanWho(String who) {
        String clean = who == null ? "" : TemplateEngine.headerSafe(who);
        clean = clean.length() > 200 ? clean.substring(0, 200) : clean;
        return clean.isBlank() ? "unknown" : clean;
    }

    private static String sortKey(TemplateId id) {
        return id.name() + "\u0000" + (id.domain() == null ? "" : id.domain()) + "\u0000" + id.locale();
    }

    private static String describe(TemplateId id) {
        return "template " + id.name() + "/" + id.locale() + (id.domain() == null ? "" : " for " + id.domain());
    }

    private static TemplateException storage(TemplateId id, IOException broken) {
        return new TemplateException(TemplateException.Kind.STORAGE, "cannot store " + describe(id) + ": " + broken,
                broken);
    }
}
