package io.natrium.adapter.config.syntax;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The maps a variable reference can see: the one being read and every map around it, innermost first. Arrays are not
 * scopes, and a key is visible only once it has been read (there is no forward reference).
 */
final class Scope {

    private final Deque<MapBuilder> maps = new ArrayDeque<>();

    void push(MapBuilder map) {
        maps.push(map);
    }

    void pop() {
        maps.pop();
    }

    /** The nearest entry with this exact key, marked as used by a variable; null when no enclosing map has it. */
    ConfigEntry lookup(String name) {
        for (MapBuilder map : maps) {
            ConfigEntry entry = map.get(name);
            if (entry != null) {
                map.markUsedAsVariable(name);
                return entry;
            }
        }
        return null;
    }
}
