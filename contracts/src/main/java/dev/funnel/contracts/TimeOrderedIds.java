package dev.funnel.contracts;

import java.util.UUID;

/**
 * Ids for what the funnel writes at volume (leads, events, awareness counts, follow-ups): UUIDs of version 7
 * (RFC 9562), whose first 48 bits are the Unix time in milliseconds and whose other 74 bits are random.
 *
 * <p>Why not random (version 4) UUIDs: every table keyed by such an id, and every inbox of event ids, is a
 * B-tree, and a random key lands on a random leaf page. At 1,000 leads a second that touched pages all over
 * each index: after every checkpoint PostgreSQL wrote each page's full image to the WAL on its first change
 * (three quarters of the WAL's bytes in a bench run), and page splits in the middle of the indexes left their
 * pages partly empty. Ids that grow with time are inserted at the right edge of the index, a few hot pages.
 * They stay unguessable (74 random bits from the same source as {@link UUID#randomUUID()}) and unique across
 * instances; their order is creation time to the millisecond, which the funnel never relies on.
 */
public final class TimeOrderedIds {

    private static final long VERSION_7 = 0x7000L;

    private TimeOrderedIds() {
    }

    /** A new id made now. */
    public static UUID next() {
        return at(System.currentTimeMillis(), UUID.randomUUID());
    }

    /** The id made at {@code epochMillis} from the random bits of {@code random} (a version 4 UUID). */
    static UUID at(long epochMillis, UUID random) {
        long timeAndVersion = (epochMillis << 16) | VERSION_7 | (random.getMostSignificantBits() & 0x0FFFL);
        // the least significant half is the random UUID's own: 62 random bits after the IETF variant bits
        return new UUID(timeAndVersion, random.getLeastSignificantBits());
    }
}
