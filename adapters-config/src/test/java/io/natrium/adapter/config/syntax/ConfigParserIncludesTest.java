package io.natrium.adapter.config.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code include}: where files are found, how their keys merge, where their errors point, and what is refused. */
class ConfigParserIncludesTest {

    @TempDir
    Path directory;

    private Path write(String name, String content) throws IOException {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private ParseResult parse(Path file) {
        return ConfigParser.parseFile(file, name -> null);
    }

    private List<String> errors(Path file) {
        return parse(file).errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void includedKeysAreMergedWhereTheIncludeStands() throws IOException {
        write("quoted.conf", "q = 1");
        write("single.conf", "s = 2");
        write("bare.conf", "b = 3\nlater = included");
        Path main = write("main.conf", """
                first = 0
                include "quoted.conf"
                include 'single.conf'
                INCLUDE bare.conf; later = main
                block { include quoted.conf; own = 4 }
                """);

        ParseResult result = parse(main);

        assertThat(result.errors()).isEmpty();
        assertThat(TreeDump.plain(result.root())).isEqualTo(Map.of("first", 0L, "q", 1L, "s", 2L, "b", 3L,
                "later", "main", "block", Map.of("q", 1L, "own", 4L)));
    }

    @Test
    void includesNestAndAreRelativeToTheIncludingFile() throws IOException {
        write("conf/main.conf", "include sub/level1.conf");
        write("conf/sub/level1.conf", "one = 1\ninclude deeper/level2.conf");
        write("conf/sub/deeper/level2.conf", "two = 2\ninclude ../sibling.conf");
        write("conf/sub/sibling.conf", "three = 3");

        ParseResult result = parse(directory.resolve("conf/main.conf"));

        assertThat(result.errors()).isEmpty();
        assertThat(TreeDump.plain(result.root())).isEqualTo(Map.of("one", 1L, "two", 2L, "three", 3L));
        assertThat(result.root().get("three").keyPosition())
                .isEqualTo(new Position(directory.resolve("conf/sub/sibling.conf").toString(), 1, 1));
    }

    @Test
    void positionsAndErrorsInsideAnIncludedFileNameThatFile() throws IOException {
        Path included = write("bad.conf", "ok = 1\nbroken = [ 1 2 ]\n");
        Path main = write("main.conf", "include bad.conf\nafter = $ok\nx = 1 y\n");

        ParseResult result = parse(main);

        assertThat(result.errors()).extracting(ConfigError::toString).containsExactly(
                included + ":2:14: Expected an array value terminator \",\" or an array terminator \"]\", "
                        + "but got '2' instead.",
                main + ":3:7: Expected a top-level value to end with a new line, comment or EOF, but got 'y' instead.");
        assertThat(result.root().get("ok").keyPosition()).isEqualTo(new Position(included.toString(), 1, 1));
        assertThat(result.root().get("after").value()).as("a variable from the included file")
                .isEqualTo(new ConfigInteger(new Position(main.toString(), 2, 9), 1));
    }

    @Test
    void anIncludedFileDoesNotSeeTheIncludingFilesVariables() throws IOException {
        write("uses.conf", "b = $a");
        Path main = write("main.conf", "a = 1\ninclude uses.conf");

        assertThat(errors(main)).containsExactly(
                directory.resolve("uses.conf") + ":1:5: variable reference for 'a' on line 1 can not be found");
    }

    @Test
    void aMissingFileIsAnErrorAtTheInclude() throws IOException {
        Path main = write("main.conf", "a = 1\n  include nothere.conf\nb = 2");

        ParseResult result = parse(main);

        assertThat(result.errors()).extracting(ConfigError::toString).containsExactly(main + ":2:3: error parsing "
                + "include file 'nothere.conf', open " + directory.resolve("nothere.conf")
                + ": no such file or directory");
        assertThat(result.root().get("b")).isNotNull();
    }

    @Test
    void includingADirectoryIsAnError() throws IOException {
        Files.createDirectories(directory.resolve("adir"));
        Path main = write("main.conf", "include adir");

        assertThat(errors(main)).containsExactly(main + ":1:1: error parsing include file 'adir', read "
                + directory.resolve("adir") + ": is a directory");
    }

    @Test
    void anIncludeCycleIsAnErrorNotARecursion() throws IOException {
        Path a = write("a.conf", "x = 1\ninclude b.conf");
        Path b = write("b.conf", "y = 2\ninclude a.conf");

        ParseResult result = parse(a);

        assertThat(result.errors()).extracting(ConfigError::toString).containsExactly(b + ":2:1: error parsing "
                + "include file 'a.conf', include cycle: " + a + " -> " + b + " -> " + a);
        assertThat(TreeDump.plain(result.root())).isEqualTo(Map.of("x", 1L, "y", 2L));
    }

    @Test
    void aFileIncludingItselfIsACycle() throws IOException {
        Path self = write("self.conf", "include ./self.conf");

        assertThat(errors(self)).containsExactly(
                self + ":1:1: error parsing include file './self.conf', include cycle: " + self + " -> " + self);
    }

    @Test
    void includingTheSameFileTwiceSideBySideIsNoCycle() throws IOException {
        write("common.conf", "c = 1");
        Path main = write("main.conf", "a { include common.conf }\nb { include common.conf }");

        assertThat(TreeDump.plain(parse(main).root())).isEqualTo(Map.of("a", Map.of("c", 1L), "b", Map.of("c", 1L)));
    }

    @Test
    void includesNestAtMost32Deep() throws IOException {
        for (int i = 0; i < 40; i++) {
            write("f" + i + ".conf", "k" + i + " = " + i + "\ninclude f" + (i + 1) + ".conf");
        }
        write("f40.conf", "end = true");

        ParseResult result = parse(directory.resolve("f0.conf"));

        assertThat(result.errors()).extracting(ConfigError::message).containsExactly(
                "error parsing include file 'f33.conf', includes nest more than 32 deep");
        assertThat(result.root().get("k32")).isNotNull();
        assertThat(result.root().get("k33")).isNull();
    }

    @Test
    void aPathTheFileSystemCannotNameIsAnError() throws IOException {
        Path main = write("main.conf", "include \"a\u0000b\"");

        assertThat(errors(main)).containsExactly(main + ":1:1: error parsing include file 'a\u0000b', open "
                + directory + "/a\u0000b: invalid argument");
    }

    @Test
    void anAbsolutePathIsJoinedToTheIncludingDirectoryAsNatsServerDoes() throws IOException {
        write("etc/x.conf", "joined = true");
        Path main = write("main.conf", "include /etc/x.conf");

        assertThat(TreeDump.plain(parse(main).root())).isEqualTo(Map.of("joined", true));
    }

    @Test
    void textIncludesAreRelativeToTheWorkingDirectory() {
        // Maven runs the tests in the module directory.
        ParseResult result = ConfigParser.parseText(
                "include src/test/resources/config/includes/orders-users.conf", name -> null);

        assertThat(result.errors()).isEmpty();
        assertThat(result.root().get("users").keyPosition().file())
                .isEqualTo("src/test/resources/config/includes/orders-users.conf");
    }

    @Test
    void aMissingTopLevelFileIsAnErrorWithoutAPositionAsNatsServerReturnsIt() {
        Path missing = directory.resolve("missing.conf");

        ParseResult result = parse(missing);

        assertThat(result.errors()).extracting(ConfigError::toString)
                .containsExactly("open " + missing + ": no such file or directory");
        assertThat(result.root().all()).isEmpty();
    }

    @Test
    void splittingAConfigurationIntoIncludesDoesNotChangeItsDigest() throws IOException {
        Path whole = write("whole.conf", "a = 1\nm { b = [x, y], c = true }\n");
        write("part.conf", "b = [x, y]");
        Path split = write("split.conf", "# the same, in two files\na: 1\nm { include part.conf\n c = yes }");

        assertThat(parse(split).digest()).isEqualTo(parse(whole).digest());
    }

    @Test
    void malformedUtf8IsReadAsReplacementCharacters() throws IOException {
        Path file = directory.resolve("latin1.conf");
        Files.write(file, new byte[] {'a', ' ', '=', ' ', 'c', 'a', 'f', (byte) 0xE9});

        assertThat(TreeDump.plain(parse(file).root())).isEqualTo(Map.of("a", "caf\uFFFD"));
    }
}
