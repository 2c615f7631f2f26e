/**
 * Pareto frontiers (S14.3): the points no other point dominates when every objective is maximised.
 *
 * @since 0.1.0
 */

/** A named point with objectives to maximise. @since 0.1.0 @category model */
export interface Candidate {
  readonly name: string
  readonly objectives: ReadonlyArray<number>
}

/** `a` dominates `b`: at least as good everywhere, strictly better somewhere. @since 0.1.0 @category predicates */
export const dominates = (a: Candidate, b: Candidate): boolean => {
  let strictly = false
  for (let i = 0; i < a.objectives.length; i++) {
    const x = a.objectives[i] as number
    const y = b.objectives[i] as number
    if (x < y) return false
    if (x > y) strictly = true
  }
  return strictly
}

/** The frontier and, for each dominated point, the points that dominate it. @since 0.1.0 @category model */
export interface Frontier {
  readonly frontier: ReadonlyArray<string>
  readonly dominated: ReadonlyArray<{ readonly name: string; readonly dominatedBy: ReadonlyArray<string> }>
}

/**
 * Splits candidates into the Pareto frontier and the dominated rest (with their dominators).
 *
 * @example
 * import { paretoFrontier } from "catcluster/decisions"
 * paretoFrontier([{ name: "a", objectives: [2, 0.8] }, { name: "b", objectives: [2, 0.7] }])
 * // { frontier: ["a"], dominated: [{ name: "b", dominatedBy: ["a"] }] }
 *
 * @since 0.1.0
 * @category constructors
 */
export const paretoFrontier = (candidates: ReadonlyArray<Candidate>): Frontier => {
  const frontier: string[] = []
  const dominated: Array<{ name: string; dominatedBy: string[] }> = []
  for (const c of candidates) {
    const by = candidates.filter((d) => d !== c && dominates(d, c)).map((d) => d.name)
    if (by.length === 0) frontier.push(c.name)
    else dominated.push({ name: c.name, dominatedBy: by })
  }
  return { frontier, dominated }
}

/** The seed's four "frontier" points on (isolation, performance), both maximised (S14.3). @since 0.1.0 @category constants */
export const seedFrontier: ReadonlyArray<Candidate> = [
  { name: "bare-metal containers", objectives: [1, 0.95] },
  { name: "Kata secure containers", objectives: [1.5, 0.85] },
  { name: "virtualized containers", objectives: [2, 0.8] },
  { name: "full virtual machines", objectives: [2, 0.7] },
]
