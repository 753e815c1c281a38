package io.natrium.adapter.json;

import io.natrium.domain.text.GoStrings;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Jackson writing strings as Go's {@code encoding/json} does ({@link GoStrings#jsonEscape}): the HTML characters and
 * the line and paragraph separators escaped, backspace and form feed as Unicode escapes rather than {@code \b} and
 * {@code \f}.
 */
public final class GoCharacterEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;

    private final int[] ascii = new int[0x80];
    private final SerializableString[] asciiSequences = new SerializableString[0x80];

    public GoCharacterEscapes() {
        for (int c = 0; c < ascii.length; c++) {
            String escape = GoStrings.jsonEscape(c);
            if (escape != null) {
                ascii[c] = ESCAPE_CUSTOM;
                asciiSequences[c] = new SerializedString(escape);
            }
        }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (ch < asciiSequences.length) {
            return asciiSequences[ch];
        }
        String escape = GoStrings.jsonEscape(ch);
        return escape == null ? null : new SerializedString(escape);
    }
}
