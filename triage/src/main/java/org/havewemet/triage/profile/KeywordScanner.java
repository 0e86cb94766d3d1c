package org.havewemet.triage.profile;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds whether a text contains any of a set of words (lower-cased, matched case-insensitively anywhere, also inside
 * longer words), in one pass over the text whatever the number of words (Aho-Corasick). Used by the gate that keeps
 * ordinary mail from paying for the full triage. Immutable and thread-safe once built.
 */
public final class KeywordScanner {
    private static final int ASCII = 128;

    private static final class Node {
        final Node[] ascii = new Node[ASCII];
        Map<Character, Node> other;
        Node fail;
        boolean terminal;

        Node next(char c) {
            return c < ASCII ? ascii[c] : other == null ? null : other.get(c);
        }

        Node add(char c) {
            Node n = next(c);
            if (n == null) {
                n = new Node();
                if (c < ASCII) {
                    ascii[c] = n;
                } else {
                    if (other == null) {
                        other = new HashMap<>();
                    }
                    other.put(c, n);
                }
            }
            return n;
        }
    }

    private final Node root = new Node();

    public KeywordScanner(List<String> words) {
        for (String w : words) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (lower.isEmpty()) {
                continue;
            }
            Node n = root;
            for (int i = 0; i < lower.length(); i++) {
                n = n.add(lower.charAt(i));
            }
            n.terminal = true;
        }
        link();
    }

    private void link() {
        ArrayDeque<Node> queue = new ArrayDeque<>();
        root.fail = root;
        for (Node child : children(root)) {
            child.fail = root;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            Node n = queue.poll();
            for (Map.Entry<Character, Node> e : edges(n).entrySet()) {
                char c = e.getKey();
                Node child = e.getValue();
                Node f = n.fail;
                while (f != root && f.next(c) == null) {
                    f = f.fail;
                }
                Node target = f.next(c);
                child.fail = target != null && target != child ? target : root;
                child.terminal |= child.fail.terminal;
                queue.add(child);
            }
        }
    }

    private static List<Node> children(Node n) {
        return List.copyOf(edges(n).values());
    }

    private static Map<Character, Node> edges(Node n) {
        Map<Character, Node> all = new HashMap<>();
        for (int c = 0; c < ASCII; c++) {
            if (n.ascii[c] != null) {
                all.put((char) c, n.ascii[c]);
            }
        }
        if (n.other != null) {
            all.putAll(n.other);
        }
        return all;
    }

    /** True when the text (its first {@code limit} characters) contains one of the words. */
    public boolean foundIn(CharSequence text, int limit) {
        if (text == null) {
            return false;
        }
        Node n = root;
        int end = Math.min(text.length(), limit);
        for (int i = 0; i < end; i++) {
            char raw = text.charAt(i);
            char c = raw < ASCII ? (raw >= 'A' && raw <= 'Z' ? (char) (raw + 32) : raw) : Character.toLowerCase(raw);
            Node next = n.next(c);
            while (next == null && n != root) {
                n = n.fail;
                next = n.next(c);
            }
            n = next == null ? root : next;
            if (n.terminal) {
                return true;
            }
        }
        return false;
    }
}
