package io.natrium.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** nats-server's decoding of {@code sig}: unpadded base64url, else padded standard base64; CR and LF skipped. */
class SignatureEncodingTest {

    /** 0xfb 0xff 0xfe: '-' and '_' in base64url, '+' and '/' in standard base64. */
    private static final byte[] BYTES = {(byte) 0xfb, (byte) 0xff, (byte) 0xfe, 0x01};

    @Test
    void unpaddedBase64UrlDecodes() {
        assertThat(SignatureEncoding.decode("-__-AQ")).isEqualTo(BYTES);
    }

    @Test
    void paddedStandardBase64Decodes() {
        assertThat(SignatureEncoding.decode("+//+AQ==")).isEqualTo(BYTES);
    }

    @Test
    void paddedBase64UrlIsRefusedByBothDecoders() {
        assertThat(SignatureEncoding.decode("-__-AQ==")).isNull();
    }

    @Test
    void unpaddedStandardBase64IsRefusedByBothDecoders() {
        assertThat(SignatureEncoding.decode("+//+AQ")).isNull();
    }

    @Test
    void paddingIsAcceptedWhereTheAlphabetsAgree() {
        assertThat(SignatureEncoding.decode("AAEC")).containsExactly(0, 1, 2);
        assertThat(SignatureEncoding.decode("AAE=")).containsExactly(0, 1);
        assertThat(SignatureEncoding.decode("AAE")).containsExactly(0, 1);
    }

    @Test
    void lineBreaksAreSkipped() {
        assertThat(SignatureEncoding.decode("-__\r\n-AQ")).isEqualTo(BYTES);
        assertThat(SignatureEncoding.decode("+//+\nAQ==\r\n")).isEqualTo(BYTES);
    }

    @Test
    void garbageIsRefused() {
        assertThat(SignatureEncoding.decode("not base64!")).isNull();
        assertThat(SignatureEncoding.decode("A")).isNull();
        assertThat(SignatureEncoding.decode("AA=A")).isNull();
        assertThat(SignatureEncoding.decode("-_+/")).isNull();
    }
}
