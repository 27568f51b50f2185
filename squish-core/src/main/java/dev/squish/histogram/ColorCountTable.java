package dev.squish.histogram;

import java.util.Arrays;

/**
 * Open-addressing hash table from a packed colour to an int (a count while building, a
 * position afterwards). Primitive arrays only: a boxed {@code HashMap<Integer,Integer>} would
 * allocate per pixel and run several times slower on a 12-megapixel photo.
 */
final class ColorCountTable {
  private static final int EMPTY_SLOT = 0;

  // keys are stored as colour + 1 so that 0 can mark an empty slot; colour 0xFFFFFFFF wraps to
  // 0, so it is kept outside the arrays
  private int[] keys;
  private int[] values;
  private int size;
  private int mask;
  private int shift;
  private boolean hasMaxKey;
  private int maxKeyValue;

  ColorCountTable(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
    allocate(cap);
  }

  private void allocate(int capacity) {
    keys = new int[capacity];
    values = new int[capacity];
    mask = capacity - 1;
    shift = 32 - Integer.numberOfTrailingZeros(capacity);
  }

  private int slotOf(int stored) {
    // Fibonacci hashing spreads the regular bit patterns of photo colours
    return (stored * 0x9E3779B9) >>> shift;
  }

  /** Adds {@code delta} to the value of {@code color}, inserting it with value {@code delta} if new. */
  void add(int color, int delta) {
    if (color == -1) {
      if (!hasMaxKey) {
        hasMaxKey = true;
        size++;
      }
      maxKeyValue += delta;
      return;
    }
    int stored = color + 1;
    int slot = slotOf(stored);
    while (true) {
      int k = keys[slot];
      if (k == stored) {
        values[slot] += delta;
        return;
      }
      if (k == EMPTY_SLOT) {
        keys[slot] = stored;
        values[slot] = delta;
        if (++size * 2 > keys.length) {
          grow();
        }
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Sets the value of a colour already in the table. */
  void set(int color, int value) {
    if (color == -1) {
      maxKeyValue = value;
      return;
    }
    int stored = color + 1;
    int slot = slotOf(stored);
    while (keys[slot] != stored) {
      slot = (slot + 1) & mask;
    }
    values[slot] = value;
  }

  /** The value of {@code color}, or {@code missing} when the colour is not in the table. */
  int get(int color, int missing) {
    if (color == -1) {
      return hasMaxKey ? maxKeyValue : missing;
    }
    int stored = color + 1;
    int slot = slotOf(stored);
    while (true) {
      int k = keys[slot];
      if (k == stored) {
        return values[slot];
      }
      if (k == EMPTY_SLOT) {
        return missing;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Bytes of its two arrays: 16 to 32 per colour (the capacity is a power of two, 2 to 4 times the colours). */
  long estimatedBytes() {
    return 4L * keys.length + 4L * values.length;
  }

  int size() {
    return size;
  }

  private void grow() {
    int[] oldKeys = keys;
    int[] oldValues = values;
    allocate(oldKeys.length * 2);
    int kept = hasMaxKey ? 1 : 0;
    size = kept;
    for (int i = 0; i < oldKeys.length; i++) {
      int stored = oldKeys[i];
      if (stored != EMPTY_SLOT) {
        int slot = slotOf(stored);
        while (keys[slot] != EMPTY_SLOT) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = stored;
        values[slot] = oldValues[i];
        size++;
      }
    }
  }

  /** Adds every entry of {@code other} into this table. */
  void addAll(ColorCountTable other) {
    if (other.hasMaxKey) {
      add(-1, other.maxKeyValue);
    }
    int[] k = other.keys;
    int[] v = other.values;
    for (int i = 0; i < k.length; i++) {
      if (k[i] != EMPTY_SLOT) {
        add(k[i] - 1, v[i]);
      }
    }
  }

  /**
   * The entries as {@code (color << 32) | value} longs sorted by colour (as a signed int), so the
   * order is the same whatever order the colours were inserted in.
   */
  long[] sortedEntries() {
    long[] out = new long[size];
    int n = 0;
    if (hasMaxKey) {
      out[n++] = (-1L << 32) | (maxKeyValue & 0xFFFFFFFFL);
    }
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY_SLOT) {
        out[n++] = ((long) (keys[i] - 1) << 32) | (values[i] & 0xFFFFFFFFL);
      }
    }
    Arrays.sort(out);
    return out;
  }
}
