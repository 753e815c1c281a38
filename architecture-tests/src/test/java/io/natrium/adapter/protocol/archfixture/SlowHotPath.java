package io.natrium.adapter.protocol.archfixture;

import io.natrium.domain.HotPath;

import java.util.List;
import java.util.stream.Collectors;

/** Deliberately bad: a hot-path class using a stream and String.format. */
@HotPath
public class SlowHotPath {
    public String describe(List<String> parts) {
        return String.format("%s", parts.stream().collect(Collectors.joining(",")));
    }
}
