package io.natrium.adapter.config.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Positions, the skips between entries, and the recovery skips. */
class CursorTest {

    @Test
    void positionsCountLinesAndCharactersFromOne() {
        Cursor cursor = new Cursor("a\n\tb😀c\r\nd", "f.conf");

        List<Position> positions = new ArrayList<>();
        while (!cursor.atEnd()) {
            positions.add(cursor.position());
            cursor.advance();
        }

        assertThat(positions).extracting(p -> p.line() + ":" + p.column()).containsExactly(
                "1:1", "1:2", "2:1", "2:2", "2:3", "2:3", "2:4", "2:5", "2:6", "3:1");
        assertThat(positions).extracting(Position::file).containsOnly("f.conf");
    }

    @Test
    void commentsStartWithHashOrTwoSlashesAndRunToTheEndOfTheLine() {
        Cursor cursor = new Cursor("  # one\n\n// two\r\n  /x", "");

        cursor.skipSpacesAndComments();

        assertThat(cursor.atLoneSlash()).isTrue();
        assertThat(cursor.position()).isEqualTo(new Position("", 4, 3));
    }

    @Test
    void recoverySkipsToTheEndOfTheLineOrTheCloserOutsideNestedBrackets() {
        Cursor line = new Cursor("x { y } ] z\nnext", "");
        line.skipToRecoveryPoint(-2);
        assertThat(line.peek()).isEqualTo('\n');

        Cursor closer = new Cursor("x [ ] { } ] } more", "");
        closer.skipToRecoveryPoint('}');
        assertThat(closer.offset()).as("stops at the unmatched closer").isEqualTo(12);

        Cursor nested = new Cursor("x { a\n b } } after", "");
        nested.skipToRecoveryPoint('}');
        assertThat(nested.offset()).as("a newline inside brackets does not stop it").isEqualTo(11);
    }

    @Test
    void skipNestedConsumesUpToTheMatchingCloser() {
        Cursor cursor = new Cursor("[ { ] } ] ] rest", "");
        cursor.advance();

        cursor.skipNested();

        assertThat(cursor.offset()).as("brackets are counted, not matched by kind").isEqualTo(7);
    }

    @Test
    void spacesAreGoUnicodeSpaces() {
        for (int c : new int[] {' ', '\t', '\n', '\u000b', '\f', '\r', 0x85, 0xA0, 0x1680, 0x2000, 0x200A, 0x2028,
                0x2029, 0x202F, 0x205F, 0x3000}) {
            assertThat(Characters.isSpace(c)).as("U+%04X", c).isTrue();
        }
        for (int c : new int[] {'a', 0x1C, 0x200B, 0xFEFF, Characters.EOF}) {
            assertThat(Characters.isSpace(c)).as("U+%04X", c).isFalse();
        }
    }
}
