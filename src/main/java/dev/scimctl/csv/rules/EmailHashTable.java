package dev.scimctl.csv.rules;

/**
 * A set of e-mail addresses, remembered as 64-bit hashes of their case-folded text, each with the line it was first
 * seen on. Open addressing over two primitive arrays, 12 bytes a slot, sized from the expected number of rows so that
 * a big file does not rehash: about 17 MB at a million addresses (with the filter below), where a
 * {@code HashMap<String, Integer>} would take well over 100 MB and not fit validate's 64 MB heap. Any capacity works
 * (not only powers of two): the slot is the hash's top 32 bits scaled to the capacity (Lemire's multiply-shift).
 *
 * <p>A table this size is out of the processor's caches, so a look-up waits for memory, about 150 ns here, longer
 * than the rest of a row's checks. So {@link #putIfRoom} (validate's fast path) asks a filter first, four bits a slot
 * (260 KB for 400,000 rows), which stays in cache: two bits of one 64-bit word per address; a bit not set means the
 * address is new, which is the answer for 96 % of the rows of a 400,000-row file. New addresses wait in a small
 * batch and go into the table together, their memory reads issued at once instead of one after another. The filter's
 * other answer, "maybe seen", stores the batch and looks the address up in the table; the filter never says "new"
 * for an address it has seen.
 *
 * <p>If the heap cannot hold a bigger table, it stops growing rather than fail: it fills up to 90 % and then only
 * answers look-ups ({@link #full()}), so validation goes on with a duplicate check that covers the rows stored so far.
 *
 * <p>The price is that two different addresses with the same 64-bit hash would be reported as duplicates. For
 * n addresses the chance of any such pair is about n²/2⁶⁵: about 3 in 100 million for a million rows. The finding
 * names both lines, so a person sees at once if it ever happens.
 */
public final class EmailHashTable {
    private static final int MIN_CAPACITY = 1 << 10;
    /** A key, a line, and half a byte of filter (rounded up). */
    private static final int SLOT_BYTES = Long.BYTES + Integer.BYTES + 1;
    private static final double LOAD = 0.75;
    private static final double LOAD_WHEN_STUCK = 0.9;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** New addresses stored together; the batch is small enough to stay in the first-level cache. */
    private static final int BATCH = 256;

    private long[] keys;
    private int[] lines;
    /** Two bits per address in one word (chosen by the hash's low 32 bits; the slot comes from the top 32). */
    private long[] filter;
    private int capacity;
    private int size;
    private int limit;
    private final int maxCapacity;
    private boolean stuck;
    private boolean full;
    /** Keys (and lines) the filter showed to be new, counted in {@link #size}, not yet in {@link #keys}. */
    private final long[] batchKeys = new long[BATCH];
    private final int[] batchLines = new int[BATCH];
    private int batched;
    /** Keeps the loads of {@link #store()}'s first pass from being dropped as unused. */
    private long touched;

    public EmailHashTable() {
        this(0);
    }

    /** @param expected the number of addresses expected (0 when unknown): the table starts big enough for them */
    public EmailHashTable(long expected) {
        this(expected, Integer.MAX_VALUE - 8);
    }

    /** With a capacity it may not grow past, as if memory ran out there: for tests of that path. */
    EmailHashTable(long expected, int maxCapacity) {
        this.maxCapacity = maxCapacity;
        // Sized for the expected rows saves rehashing, but never at the heap's expense: at most a quarter of it at
        // first (a 3,000,000-row file at -Xmx64m would otherwise ask for 48 MB at once), then it grows as it can.
        long wanted = Math.max(MIN_CAPACITY, expected + expected / 3 + 1);
        long budget = Math.max(MIN_CAPACITY, Runtime.getRuntime().maxMemory() / 4 / SLOT_BYTES);
        int c = (int) Math.min(Math.min(wanted, budget), Math.min(maxCapacity, Integer.MAX_VALUE - 8));
        while (true) {
            try {
                allocate(c);
                return;
            } catch (OutOfMemoryError e) {
                if (c <= MIN_CAPACITY) {
                    throw e;
                }
                c = Math.max(MIN_CAPACITY, c / 2);
            }
        }
    }

    private void allocate(int c) {
        long[] k = new long[c];
        int[] l = new int[c];
        long[] f = new long[Math.max(1, c / 16)];
        capacity = c;
        keys = k;
        lines = l;
        filter = f;
        limit = (int) (c * LOAD);
    }

    /** Remembers {@code key} with {@code line}, or returns the line it was first seen on (and changes nothing). */
    public int putIfAbsent(long key, int line) {
        long k = key == 0 ? 1 : key; // 0 marks an empty slot
        store();
        int i = slot(k);
        while (true) {
            long found = keys[i];
            if (found == 0) {
                if (full) {
                    return -1;
                }
                keys[i] = k;
                lines[i] = line;
                remember(k);
                if (++size > limit) {
                    grow();
                }
                return -1;
            }
            if (found == k) {
                return lines[i];
            }
            if (++i == capacity) {
                i = 0;
            }
        }
    }

    /**
     * Like {@link #putIfAbsent}, but where that would grow the table or find it full, changes nothing and returns
     * -2: the caller then takes the path that reports what happens ({@link DuplicateEmailRule#check}).
     */
    public int putIfRoom(long key, int line) {
        if (full || size >= limit) {
            return -2;
        }
        long k = key == 0 ? 1 : key;
        int w = word(k);
        long bits = bits(k);
        if ((filter[w] & bits) == bits) {
            return putIfAbsent(key, line); // maybe seen: ask the table
        }
        filter[w] |= bits;
        if (batched == BATCH) {
            store();
        }
        batchKeys[batched] = k;
        batchLines[batched++] = line;
        size++; // below the limit, as checked above: no growing
        return -1;
    }

    /** Moves the batch into the table. Its keys are new and different from each other (the filter said so). */
    private void store() {
        int n = batched;
        if (n == 0) {
            return;
        }
        long[] t = keys;
        long sum = 0;
        for (int j = 0; j < n; j++) {
            sum += t[slot(batchKeys[j])]; // independent reads: the processor waits for all of them at once
        }
        touched += sum;
        int[] l = lines;
        for (int j = 0; j < n; j++) {
            long k = batchKeys[j];
            int i = freeSlot(k);
            t[i] = k;
            l[i] = batchLines[j];
        }
        batched = 0;
    }

    private int slot(long k) {
        return (int) (((k >>> 32) * capacity) >>> 32);
    }

    /** Where a key known to be absent goes: the first empty slot from its own on (linear probing). */
    private int freeSlot(long k) {
        int i = slot(k);
        while (keys[i] != 0) {
            if (++i == capacity) {
                i = 0;
            }
        }
        return i;
    }

    private int word(long k) {
        return (int) (((k & 0xFFFFFFFFL) * filter.length) >>> 32);
    }

    /** Two of the word's 64 bits, from the low bits that {@link #word} hardly uses. */
    private static long bits(long k) {
        return 1L << (k & 63) | 1L << ((k >>> 6) & 63);
    }

    private void remember(long k) {
        filter[word(k)] |= bits(k);
    }

    /** True once memory ran out and new addresses are no longer stored (look-ups still work). */
    public boolean full() {
        return full;
    }

    public int size() {
        return size;
    }

    /** Slots allocated: for tests of the memory bound. */
    int capacity() {
        return capacity;
    }

    /** Bytes the table takes for its capacity: for tests of the memory bound. */
    static long bytesPerSlot() {
        return SLOT_BYTES;
    }

    private void grow() {
        if (stuck) {
            full = size >= capacity * LOAD_WHEN_STUCK;
            return;
        }
        long[] oldKeys = keys;
        int[] oldLines = lines;
        long[] oldFilter = filter;
        int oldCapacity = capacity;
        try {
            // 1.5x, not 2x: the old and the new table live together while rehashing, and the heap may be small.
            long next = (long) capacity * 3 / 2;
            if (next > maxCapacity) {
                throw new OutOfMemoryError("capacity limit");
            }
            allocate((int) next);
        } catch (OutOfMemoryError e) {
            // A failed allocation leaves the heap as it was: keep the table we have.
            keys = oldKeys;
            lines = oldLines;
            filter = oldFilter;
            capacity = oldCapacity;
            limit = (int) (capacity * LOAD_WHEN_STUCK);
            stuck = true;
            return;
        }
        for (int j = 0; j < oldKeys.length; j++) {
            long k = oldKeys[j];
            if (k != 0) {
                int i = freeSlot(k);
                keys[i] = k;
                lines[i] = oldLines[j];
                remember(k);
            }
        }
    }

    /**
     * FNV-1a over the case-folded characters, then MurmurHash3's finaliser so that the top bits (the slot) are well
     * mixed. Case folding per character avoids a lower-cased copy of every address.
     */
    public static long hash(String s) {
        long h = FNV_OFFSET;
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
            h *= FNV_PRIME;
        }
        return mix(h);
    }

    /** {@link #hash(String)} of the ASCII text in {@code a[from, to)}, from the bytes. */
    public static long hash(byte[] a, int from, int to) {
        long h = FNV_OFFSET;
        for (int i = from; i < to; i++) {
            int c = a[i];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            h ^= c;
            h *= FNV_PRIME;
        }
        return mix(h);
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
