package org.havewemet.mailet;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What each user taught havewemet by moving invitations: the inviters' relation to that user (moved to priority:
 * known; moved to Spam: spam; moved back: the earlier state returns) and the user's own {@link UserModel}. One file
 * per user under {@code var/havewemet/learning/}, rewritten atomically at each correction (corrections are rare,
 * deliveries only read the copy in memory). One user's corrections never touch another user's file.
 */
final class UserLearning {
    /** Where a user moved an invitation to. */
    enum Target {
        PRIORITY("PERSONAL"), UNEXPLAINED("UNEXPLAINED"), SPAM("SUSPICIOUS"), INBOX("NOT_INVITATION");

        private final String verdict;

        Target(String verdict) {
            this.verdict = verdict;
        }

        /** The verdict a move into this folder gives the invitation in the index. */
        String verdict() {
            return verdict;
        }
    }

    /** An inviter's relation to one user, set by a correction. */
    enum Relation { KNOWN, SPAM }

    /** One correction as remembered, so a later move of the same invitation can undo it. */
    record Learned(String inviterKey, String target, List<String> features, String relation, long at) {
    }

    /** The persisted state of one user. */
    record State(Map<String, List<String>> relations, Map<String, int[]> counts, int[] totals,
                 Map<String, Learned> learned) {
        static State empty() {
            return new State(new LinkedHashMap<>(), new HashMap<>(), new int[2], new LinkedHashMap<>());
        }

        UserModel model() {
            return new UserModel(counts, totals);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final Map<String, State> users = new HashMap<>();

    UserLearning(Path directory) {
        this.directory = directory;
    }

    /** The inviter's relation to this user, if a correction set one. */
    synchronized Optional<Relation> relation(String user, String inviterKey) {
        List<String> stack = state(user).relations().get(inviterKey);
        if (stack == null || stack.isEmpty()) {
            return Optional.empty();
        }
        String last = stack.get(stack.size() - 1);
        return Optional.of(Relation.valueOf(last.substring(last.indexOf(' ') + 1)));
    }

    /** The user's model's bounded weight for these features, once it learned from {@code minCorrections}. */
    synchronized Optional<Double> weight(String user, Set<String> features, int minCorrections) {
        UserModel model = state(user).model();
        return model.corrections() < minCorrections ? Optional.empty() : Optional.of(model.weight(features));
    }

    synchronized int corrections(String user) {
        return state(user).model().corrections();
    }

    /**
     * Records that {@code user} moved the invitation {@code recordId} to {@code target}: an earlier correction of
     * the same invitation is undone first, so moving it back returns the earlier state.
     */
    synchronized void correct(String user, String recordId, String inviterKey, Set<String> features, Target target,
                              Instant at) throws IOException {
        State state = state(user);
        undo(state, recordId);
        Relation relation = switch (target) {
            case PRIORITY -> Relation.KNOWN;
            case SPAM -> Relation.SPAM;
            case UNEXPLAINED, INBOX -> null;
        };
        if (relation != null) {
            state.relations().computeIfAbsent(inviterKey, k -> new ArrayList<>()).add(recordId + " " + relation);
        }
        if (target != Target.INBOX) {
            state.model().learn(features, target == Target.PRIORITY);
        }
        state.learned().put(recordId, new Learned(inviterKey, target.name(), List.copyOf(features),
            relation == null ? null : relation.name(), at.toEpochMilli()));
        save(user, state);
    }

    /** Forgets everything learned about inviters with this key, for every user; returns the corrections dropped. */
    synchronized int erase(Set<String> inviterKeys) throws IOException {
        int dropped = 0;
        for (String user : knownUsers()) {
            State state = state(user);
            List<String> ids = state.learned().entrySet().stream()
                .filter(e -> inviterKeys.contains(e.getValue().inviterKey())).map(Map.Entry::getKey).toList();
            ids.forEach(id -> undo(state, id));
            boolean changed = !ids.isEmpty() | state.relations().keySet().removeAll(inviterKeys);
            if (changed) {
                save(user, state);
            }
            dropped += ids.size();
        }
        return dropped;
    }

    private static void undo(State state, String recordId) {
        Learned earlier = state.learned().remove(recordId);
        if (earlier == null) {
            return;
        }
        if (!Target.INBOX.name().equals(earlier.target())) {
            state.model().unlearn(new LinkedHashSet<>(earlier.features()), Target.PRIORITY.name()
                .equals(earlier.target()));
        }
        List<String> stack = state.relations().get(earlier.inviterKey());
        if (stack != null) {
            stack.remove(recordId + " " + earlier.relation());
            if (stack.isEmpty()) {
                state.relations().remove(earlier.inviterKey());
            }
        }
    }

    private State state(String user) {
        String owner = user.trim().toLowerCase(Locale.ROOT);
        return users.computeIfAbsent(owner, this::load);
    }

    private State load(String user) {
        Path file = file(user);
        if (!Files.exists(file)) {
            return State.empty();
        }
        try {
            State read = JSON.readValue(file.toFile(), State.class);
            return new State(new LinkedHashMap<>(read.relations()), new HashMap<>(read.counts()), read.totals(),
                new LinkedHashMap<>(read.learned()));
        } catch (IOException e) {
            throw new IllegalStateException("havewemet: unreadable learning file " + file, e);
        }
    }

    private void save(String user, State state) throws IOException {
        Files.createDirectories(directory);
        Path file = file(user);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), state);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private List<String> knownUsers() throws IOException {
        Set<String> all = new LinkedHashSet<>(users.keySet());
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    all.add(name.substring(0, name.length() - ".json".length()));
                }
            }
        }
        return List.copyOf(all);
    }

    /** The user's file; an address is a safe file name once anything but letters, digits, @ . _ - is replaced. */
    private Path file(String user) {
        StringBuilder name = new StringBuilder();
        for (char c : user.toCharArray()) {
            name.append(Character.isLetterOrDigit(c) || "@._-".indexOf(c) >= 0 ? c : '_');
        }
        return directory.resolve(name + ".json");
    }
}
