/**
 * The heap as a limit the user is told about: when reading or scheduling a cluster has filled
 * most of it, catcluster stops with exit 2 naming the limit and how to raise it, rather than
 * letting V8 abort with a native trace and no message.
 *
 * @since 0.1.0
 */
import v8 from "node:v8"
import { UserError } from "./UserError.ts"

/**
 * The share of the heap limit past which work stops. Checked while data that stays live is
 * built (decoded objects, placements), so what fills the heap is mostly not garbage.
 *
 * @since 0.1.0
 * @category constants
 */
export const HEAP_FULL = 0.92

const gib = (bytes: number): string => `${(bytes / 2 ** 30).toFixed(1)} GiB`

/**
 * Throws a {@link UserError} when the heap is fuller than {@link HEAP_FULL} of its limit;
 * `doing` says what was under way ("reading pods.json").
 *
 * @since 0.1.0
 * @category input
 */
export const checkHeap = (doing: string): void => {
  const { used_heap_size: used, heap_size_limit: limit } = v8.getHeapStatistics()
  if (used <= HEAP_FULL * limit) return
  throw new UserError(
    `out of memory while ${doing}: ${gib(used)} of catcluster's ${gib(limit)} heap in use. Give it more with NODE_OPTIONS=--max-old-space-size=<MiB> (catcluster takes half the machine's memory, at most 8 GiB, unless told), or split the input`,
  )
}
