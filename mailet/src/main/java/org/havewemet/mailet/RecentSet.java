package org.havewemet.mailet;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded, thread-safe set that forgets its least recently added keys first. */
final class RecentSet {
    private final Map<String, Boolean> keys;

    RecentSet(int capacity) {
        this.keys = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean contains(String key) {
        return keys.containsKey(key);
    }

    synchronized void add(String key) {
        keys.put(key, Boolean.TRUE);
    }

    synchronized void clear() {
        keys.clear();
    }

    synchronized int size() {
        return keys.size();
    }
}
