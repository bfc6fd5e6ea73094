package dev.scimctl.csv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Skips plain text eight bytes at a time: one 64-bit read and a few arithmetic steps per word instead of a compare
 * and a branch per byte ("SWAR"). The scans of validate's fast path, over every byte of a file, use it to get near
 * the byte they look for; their own byte loop then finds it. Each method returns where that loop must start: the
 * first word that may hold such a byte (or the last bytes, fewer than eight). A word is never skipped when it holds
 * one; it may be kept when it does not, which only costs the byte loop a few steps.
 */
public final class ByteScan {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    /** Every byte 0x0E: bytes below it are the line ends, tab, NUL and the other control characters. */
    private static final long BELOW_0E = 0x0E0E0E0E0E0E0E0EL;

    private ByteScan() {
    }

    /**
     * From {@code from}, past whole words of ASCII at or above 0x0E: what stops it is a line end, another control
     * character (a tab, NUL) or a byte of a non-ASCII character.
     */
    public static int skipPlain(byte[] a, int from, int to) {
        int i = from;
        while (i <= to - Long.BYTES) {
            long x = (long) LONGS.get(a, i);
            // A byte below 0x0E gets its top bit from the subtraction; a non-ASCII byte has it already. A borrow
            // reaches the bytes above only from a byte that is itself below 0x0E.
            if (((x - BELOW_0E | x) & HIGHS) != 0) {
                return i;
            }
            i += Long.BYTES;
        }
        return i;
    }

    /** From {@code from}, past whole words that hold neither {@code b1} nor {@code b2}. */
    public static int skipWithout(byte[] a, int from, int to, byte b1, byte b2) {
        long p1 = (b1 & 0xFFL) * ONES;
        long p2 = (b2 & 0xFFL) * ONES;
        int i = from;
        while (i <= to - Long.BYTES) {
            long x = (long) LONGS.get(a, i);
            if ((hasZeroByte(x ^ p1) | hasZeroByte(x ^ p2)) != 0) {
                return i;
            }
            i += Long.BYTES;
        }
        return i;
    }

    /** Non-zero when a byte of {@code v} is zero (exact for the question "is there one"). */
    private static long hasZeroByte(long v) {
        return (v - ONES) & ~v & HIGHS;
    }
}
