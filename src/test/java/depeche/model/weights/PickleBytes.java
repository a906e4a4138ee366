package depeche.model.weights;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Writes pickle opcodes by hand, to craft the pickles a test needs (hostile ones included). */
final class PickleBytes {
    static final int PROTO = 0x80, TUPLE1 = 0x85, REDUCE = 'R', STOP = '.', EMPTY_DICT = '}', STACK_GLOBAL = 0x93;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PickleBytes op(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    /** GLOBAL: {@code module\nname\n}. */
    PickleBytes global(String module, String name) {
        op('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** BINUNICODE: a 4-byte little-endian length, then UTF-8. */
    PickleBytes string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        op('X', utf8.length, utf8.length >>> 8, utf8.length >>> 16, utf8.length >>> 24);
        out.writeBytes(utf8);
        return this;
    }

    /** BININT2. */
    PickleBytes int2(int value) {
        return op('M', value & 0xff, value >>> 8);
    }

    /** LONG1: a length byte, then two's complement little-endian. */
    PickleBytes long1(BigInteger value) {
        byte[] bigEndian = value.toByteArray();
        op(0x8a, bigEndian.length);
        for (int i = bigEndian.length - 1; i >= 0; i--) {
            out.write(bigEndian[i]);
        }
        return this;
    }

    /** The three pickles a legacy torch.save file starts with: magic number, protocol version 1001, sys_info. */
    static PickleBytes legacyPreamble() {
        return new PickleBytes()
                .op(PROTO, 2).long1(new BigInteger("1950a86a20f9469cfc6c", 16)).op(STOP)
                .op(PROTO, 2).int2(1001).op(STOP)
                .op(PROTO, 2, EMPTY_DICT, STOP);
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
