package io.natrium.domain.jwt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JWT and seed of a decorated file (a creds file, or an operator JWT as nsc writes it): blocks between
 * {@code -----BEGIN ...-----} and {@code ------END ...------} lines, as the JWT library's {@code ParseDecoratedJWT}
 * finds them. Text without such blocks is taken whole as the JWT.
 */
public final class DecoratedJwt {

    private static final Pattern BLOCK = Pattern.compile(
            "\\s*(?:(?:-{3,}.*-{3,}\\r?\\n)([\\w\\-.=]+)(?:\\r?\\n-{3,}.*-{3,}(\\r?\\n|\\z)))");

    private DecoratedJwt() {
    }

    /** The first block (the JWT), or the whole text when there is none. */
    public static String jwt(String contents) {
        List<String> blocks = blocks(contents);
        return blocks.isEmpty() ? contents : blocks.get(0);
    }

    /** The second block (a creds file's nkey seed), or null when there is none. */
    public static String seed(String contents) {
        List<String> blocks = blocks(contents);
        return blocks.size() > 1 ? blocks.get(1) : null;
    }

    private static List<String> blocks(String contents) {
        List<String> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(contents);
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }
}
