import { match, P } from "ts-pattern"

/**
 * The runtime and platform selection rules of S14.4, as ordered ts-pattern rules: the first rule
 * that matches decides, and the decision says which rule fired and why.
 *
 * @since 0.1.0
 */

/** What the rules look at. @since 0.1.0 @category model */
export interface WorkloadProfile {
  /** 0–10. */
  readonly security: number
  readonly performanceCritical: boolean
  /** Required start-up time, seconds. */
  readonly startupSeconds: number
  readonly cloudNative: boolean
}

/** The runtimes the S14.4 rules choose between. @since 0.1.0 @category model */
export type Runtime = "KubeVirt" | "Kata" | "containerd"

/** A decision with its explanation. @since 0.1.0 @category model */
export interface Decision<R> {
  readonly choice: R | "no rule"
  readonly rule: number | null
  readonly because: string
}

/**
 * S14.4 runtime rules, in the seed's order (first match wins): security > 8 → KubeVirt;
 * performance-critical ∧ start-up < 10 s → Kata; cloud-native → containerd. The seed gives no
 * fallback; a profile no rule matches says so rather than inventing one.
 *
 * @example
 * import { selectRuntime } from "catcluster/decisions"
 * selectRuntime({ security: 9, performanceCritical: true, startupSeconds: 2, cloudNative: true })
 * // { choice: "KubeVirt", rule: 1, because: "security 9 > 8" }
 *
 * @since 0.1.0
 * @category rules
 */
export const selectRuntime = (w: WorkloadProfile): Decision<Runtime> =>
  match(w)
    .with({ security: P.when((s) => s > 8) }, (x) => ({ choice: "KubeVirt" as const, rule: 1, because: `security ${x.security} > 8` }))
    .with({ performanceCritical: true, startupSeconds: P.when((s) => s < 10) }, (x) => ({
      choice: "Kata" as const,
      rule: 2,
      because: `performance-critical and start-up ${x.startupSeconds} s < 10 s`,
    }))
    .with({ cloudNative: true }, () => ({ choice: "containerd" as const, rule: 3, because: "cloud-native" }))
    .otherwise(() => ({ choice: "no rule" as const, rule: null, because: "no rule of S14.4 matches" }))

/** What the platform rule reads of a cluster: its size and whether workloads are mixed. @since 0.1.0 @category model */
export interface ClusterProfile {
  readonly nodes: number
  readonly mixedWorkload: boolean
}

/** The platforms the platform rule chooses between. @since 0.1.0 @category model */
export type Platform = "bare-metal Kubernetes" | "virtualized containers (SKS)"

/**
 * S14.4 platform rules: scale > 1000 nodes → bare-metal Kubernetes; mixed workload → virtualized
 * containers (SKS). First match wins.
 *
 * @since 0.1.0
 * @category rules
 */
export const selectPlatform = (c: ClusterProfile): Decision<Platform> =>
  match(c)
    .with({ nodes: P.when((n) => n > 1000) }, (x) => ({ choice: "bare-metal Kubernetes" as const, rule: 1, because: `${x.nodes} nodes > 1000` }))
    .with({ mixedWorkload: true }, () => ({ choice: "virtualized containers (SKS)" as const, rule: 2, because: "mixed workload" }))
    .otherwise(() => ({ choice: "no rule" as const, rule: null, because: "no platform rule of S14.4 matches" }))

/**
 * The grid of workload profiles the rules are probed on: security 5 or 9, performance-critical
 * or not, start-up 2 s or 30 s, cloud-native or not (one value on each side of every threshold).
 *
 * @since 0.1.0
 * @category rules
 */
export const runtimeProfileGrid = (): ReadonlyArray<WorkloadProfile> => {
  const out: WorkloadProfile[] = []
  for (const security of [5, 9])
    for (const performanceCritical of [false, true])
      for (const startupSeconds of [2, 30])
        for (const cloudNative of [false, true]) out.push({ security, performanceCritical, startupSeconds, cloudNative })
  return out
}

/**
 * Profiles where the order of the rules decides: more than one rule matches, and the later one
 * is shadowed. Found by enumerating {@link runtimeProfileGrid}.
 *
 * @since 0.1.0
 * @category rules
 */
export const shadowedRuntimeRules = (
  grid: ReadonlyArray<WorkloadProfile> = runtimeProfileGrid(),
): ReadonlyArray<{ readonly profile: WorkloadProfile; readonly matching: ReadonlyArray<number> }> =>
  grid.flatMap((profile) => {
    const { security, performanceCritical, startupSeconds, cloudNative } = profile
    const matching = [security > 8, performanceCritical && startupSeconds < 10, cloudNative].map((m, i) => (m ? i + 1 : 0)).filter((i) => i > 0)
    return matching.length > 1 ? [{ profile, matching }] : []
  })
