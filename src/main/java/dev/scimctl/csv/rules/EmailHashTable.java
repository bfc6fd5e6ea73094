package dev.scimctl.csv.rules;

/**
 * A set of e-mail addresses, remembered as 64-bit hashes of their case-folded text, each with the line it was first
 * seen on. Open addressing over two primitive arrays: 12 bytes a slot, about 24 MB at a million addresses, where a
 * {@code HashMap<String, Integer>} would take well over 100 MB and not fit validate's 64 MB heap.
 *
 * <p>The price is that two different addresses with the same 64-bit hash would be reported as duplicates. For
 * n addresses the chance of any such pair is about n²/2⁶⁵: about 3 in 100 million for a million rows. The finding
 * names both lines, so a person sees at once if it ever happens.
 */
public final class EmailHashTable {
    private static final float LOAD = 0.75f;

    private long[] keys;
    private int[] lines;
    private int size;
    private int mask;

    public EmailHashTable() {
        this(1 << 12);
    }

    EmailHashTable(int capacity) {
        int c = Integer.highestOneBit(Math.max(16, capacity - 1) << 1);
        keys = new long[c];
        lines = new int[c];
        mask = c - 1;
    }

    /** Remembers {@code key} with {@code line}, or returns the line it was first seen on (and changes nothing). */
    public int putIfAbsent(long key, int line) {
        long k = key == 0 ? 1 : key; // 0 marks an empty slot
        int i = (int) k & mask;
        while (true) {
            long found = keys[i];
            if (found == 0) {
                keys[i] = k;
                lines[i] = line;
                if (++size > mask * LOAD) {
                    grow();
                }
                return -1;
            }
            if (found == k) {
                return lines[i];
            }
            i = (i + 1) & mask;
        }
    }

    public int size() {
        return size;
    }

    /** Slots allocated: for tests of the memory bound. */
    int capacity() {
        return keys.length;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldLines = lines;
        keys = new long[oldKeys.length << 1];
        lines = new int[oldKeys.length << 1];
        mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long k = oldKeys[j];
            if (k != 0) {
                int i = (int) k & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                lines[i] = oldLines[j];
            }
        }
    }

    /**
     * FNV-1a over the case-folded characters, then MurmurHash3's finaliser so the low bits (the slot) are well
     * mixed. Case folding per character avoids a lower-cased copy of every address.
     */
    public static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                if (c >= 'A' && c <= 'Z') {
                    c += 32;
                }
            } else {
                c = Character.toLowerCase(Character.toUpperCase(c));
            }
            h ^= c;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
