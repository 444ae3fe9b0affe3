import { v7 } from 'uuid';

/**
 * A new record id: a UUID version 7 (RFC 9562), whose first 48 bits are the time of creation in
 * milliseconds and the rest random. New rows of a table therefore land at the right-hand end of its
 * primary-key index (and of every index on a column that refers to such an id) instead of on a random
 * page of it. With a million cases and 12 stage rows each, random (version 4) ids made every intake
 * touch about 20 index pages spread over hundreds of megabytes: each a likely cache miss and, after
 * every checkpoint, a full 8 KB page image in PostgreSQL's write-ahead log (docs/PERFORMANCE.md).
 *
 * The database's column defaults make the same kind of id (`uuid_v7()`, migration 0016), for rows
 * written without one. An id tells its creation time to the millisecond; every screen that shows an id
 * already shows when the record was made, and 74 random bits keep ids unguessable.
 */
export const newId = (): string => v7();
