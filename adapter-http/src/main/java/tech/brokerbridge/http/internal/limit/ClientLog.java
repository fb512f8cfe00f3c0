package tech.brokerbridge.http.internal.limit;

/**
 * The admission times of one client inside the current window: a ring buffer that grows on demand
 * up to the limit (so a huge limit costs memory only for requests actually let through) and shrinks
 * back when traffic falls. Guarded by its own monitor: clients never contend with each other.
 */
final class ClientLog {
    /** Returned by {@link #tryAcquire} when this log was evicted meanwhile: look the client up again. */
    static final long RETIRED = -1;
    private static final int MIN_CAPACITY = 16;

    private long[] ring;
    private int head;
    private int size;
    private long newest = Long.MIN_VALUE;
    private boolean retired;

    ClientLog(int limit) {
        ring = new long[Math.min(limit, MIN_CAPACITY)];
    }

    /**
     * Lets one request through at {@code now} if fewer than {@code limit} were let through in
     * {@code (now - window, now]}.
     *
     * @return 0 when let through, else the nanoseconds until one would be (always &gt; 0), or
     *     {@link #RETIRED}
     */
    synchronized long tryAcquire(long now, int limit, long window) {
        if (retired) {
            return RETIRED;
        }
        // the wall clock may step back; never let that reopen a full window
        long t = Math.max(now, newest);
        expire(t - window);
        if (size < limit) {
            if (size == ring.length) {
                resize((int) Math.min(limit, (long) ring.length * 2));
            }
            int idx = head + size;
            ring[idx >= ring.length ? idx - ring.length : idx] = t;
            size++;
            newest = t;
            return 0;
        }
        return ring[head] + window - t;
    }

    /** Marks the log retired when nothing in it is younger than the window. */
    synchronized boolean retireIfIdle(long now, long window) {
        if (size == 0 || newest <= now - window) {
            retired = true;
            return true;
        }
        return false;
    }

    /** Marks the log retired whatever it holds; false when it already was. */
    synchronized boolean retire() {
        boolean was = retired;
        retired = true;
        return !was;
    }

    synchronized boolean retired() {
        return retired;
    }

    synchronized int size() {
        return size;
    }

    private void expire(long cutoff) {
        while (size > 0 && ring[head] <= cutoff) {
            head = head + 1 == ring.length ? 0 : head + 1;
            size--;
        }
        if (ring.length > 4 * MIN_CAPACITY && size < ring.length / 8) {
            resize(ring.length / 2);
        }
    }

    private void resize(int capacity) {
        long[] next = new long[capacity];
        for (int i = 0; i < size; i++) {
            int idx = head + i;
            next[i] = ring[idx >= ring.length ? idx - ring.length : idx];
        }
        ring = next;
        head = 0;
    }
}
