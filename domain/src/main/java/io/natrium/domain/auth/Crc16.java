package io.natrium.domain.auth;

/** CRC-16/XMODEM (polynomial 0x1021, initial value 0), the checksum of NKeys. */
final class Crc16 {

    private Crc16() {
    }

    static int of(byte[] data, int offset, int length) {
        int crc = 0;
        for (int i = offset; i < offset + length; i++) {
            crc ^= (data[i] & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? crc << 1 ^ 0x1021 : crc << 1;
            }
        }
        return crc & 0xFFFF;
    }
}
