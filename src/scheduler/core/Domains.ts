/**
 * Topology domains of a label key over the hot path's nodes: per node, a dense domain id (the
 * node's value of the key; a node without the key gets the id of the empty value, as Go's
 * `node.Labels[key]` reads "") and whether the key is present. Node labels never change, so each
 * key is computed once and cached.
 *
 * @since 0.1.0
 */
import { lookup } from "./Interner.ts"
import type { NodeArrays } from "./NodeArrays.ts"

/** The domains of one key. @since 0.1.0 @category model */
export interface Domains {
  readonly key: string
  /** Dense domain id per node. */
  readonly of: Int32Array
  /** 1 when the node has the key. */
  readonly has: Uint8Array
  /** Number of distinct ids (including the empty value when some node lacks the key). */
  readonly count: number
  /** The value of each id. */
  readonly values: ReadonlyArray<string>
}

/**
 * The domains of `key`, from `cache` or computed.
 *
 * @since 0.1.0
 * @category constructors
 */
export const domainsOf = (a: NodeArrays, key: string, cache: Map<string, Domains>): Domains => {
  const cached = cache.get(key)
  if (cached !== undefined) return cached
  const n = a.count
  const of = new Int32Array(n)
  const has = new Uint8Array(n)
  const dense = new Map<string, number>()
  const values: string[] = []
  const keyId = lookup(a.strings, key)
  for (let i = 0; i < n; i++) {
    let value = ""
    if (keyId >= 0) {
      for (let l = a.labelStart[i] as number; l < (a.labelStart[i + 1] as number); l++) {
        if (a.labelKey[l] === keyId) {
          value = a.strings.strings[a.labelValue[l] as number] as string
          has[i] = 1
          break
        }
      }
    }
    let id = dense.get(value)
    if (id === undefined) {
      id = values.length
      values.push(value)
      dense.set(value, id)
    }
    of[i] = id
  }
  const d: Domains = { key, of, has, count: values.length, values }
  cache.set(key, d)
  return d
}

/** Whether node `n` has any label at all. @since 0.1.0 @category predicates */
export const hasLabels = (a: NodeArrays, n: number): boolean => (a.labelStart[n + 1] as number) > (a.labelStart[n] as number)
