import type { ClaimCheck, ClaimResult } from "../../claims/Claim.ts"
import { controllerMapping, stepsToConverge, watches, type Component, type ControllerPair } from "./ControlPlane.ts"

/**
 * Verdicts for S10 (control plane), each a function of its evidence.
 *
 * @since 0.1.0
 */

/** One start of the reconcile loop: where it began and how many steps it took. @since 0.1.0 @category model */
export interface Convergence {
  readonly desired: number
  readonly actual: number
  readonly steps: number
}

/**
 * S10.1 from its evidence: holds when the reconcile loop reaches its fixed point in
 * |desired − actual| steps from every start and only the API server reaches etcd; fails
 * otherwise. "etcd as the limit of the distributed state" is a reading, not checked.
 *
 * @since 0.1.0
 * @category claims
 */
export const controlPlaneVerdict = (convergence: ReadonlyArray<Convergence>, edges: ReadonlyArray<readonly [Component, Component]>): ClaimResult => {
  const slow = convergence.filter((c) => c.steps !== Math.abs(c.desired - c.actual))
  const bypass = edges.filter(([a, b]) => (a === "etcd" || b === "etcd") && a !== "APIServer" && b !== "APIServer")
  const ok = convergence.length > 0 && slow.length === 0 && bypass.length === 0
  return {
    verdict: ok ? "holds" : "fails",
    summary:
      `Components and watch edges are data: ${bypass.length === 0 ? "only the API server reaches etcd" : `${bypass.map(([a, b]) => `${a} → ${b}`).join(", ")} bypass the API server`}. ` +
      `A level-triggered reconcile loop reaches its fixed point in |desired − actual| steps from ${convergence.length - slow.length} of ${convergence.length} starts tried` +
      `${slow.length > 0 ? ` (not from ${slow.map((c) => c.actual).join(", ")})` : ""}. "etcd as a limit" is a reading, not a checkable claim: etcd is the single source of truth the other views factor through.`,
    evidence: { watches: edges, convergence, slow, bypass },
  }
}

/**
 * S10.2 from its evidence: the seed calls some pairs isomorphic (StatefulSet, DaemonSet ↔
 * virt-handler "fully isomorphic"); the claim fails when any of those is only an analogy in
 * KubeVirt, and holds when every pair it calls isomorphic is a real counterpart. Rows the seed
 * does not call isomorphic are a correspondence table and only reported.
 *
 * @since 0.1.0
 * @category claims
 */
export const controllerMappingVerdict = (pairs: ReadonlyArray<ControllerPair>): ClaimResult => {
  const inexact = pairs.filter((p) => !p.exact)
  const claimed = pairs.filter((p) => p.seedClaimsIsomorphic)
  const broken = claimed.filter((p) => !p.exact)
  const show = (ps: ReadonlyArray<ControllerPair>) => ps.map((p) => `${p.kubernetes} ↔ ${p.seedCounterpart}`).join(", ")
  return {
    verdict: broken.length > 0 ? "fails" : "holds",
    summary:
      `${pairs.length - inexact.length} of ${pairs.length} pairs are real counterparts in KubeVirt v1.9; ${inexact.length === 0 ? "none is" : `${show(inexact)} ${inexact.length === 1 ? "is an analogy" : "are analogies"}`} (see notes). ` +
      (broken.length > 0
        ? `The seed calls ${claimed.length} pair(s) isomorphic (${claimed.map((p) => `${p.kubernetes}: "${p.seedSays}"`).join(", ")}) and ${broken.length === claimed.length ? "none of them is" : `${show(broken)} ${broken.length === 1 ? "is not" : "are not"}`}: ${broken.map((p) => p.note).join("; ")}.`
        : `Every pair the seed calls isomorphic (${claimed.length}) is a real counterpart.`),
    evidence: { pairs, claimedIsomorphic: claimed.map((p) => p.kubernetes), notIsomorphic: broken.map((p) => p.kubernetes) },
  }
}

/** The computed verdicts of the control-plane claims (S10). @since 0.1.0 @category claims */
export const claims: ReadonlyArray<ClaimCheck> = [
  {
    id: "S10.1",
    statement: "APIServer, ControllerManager, Scheduler, etcd, kubelet; watch / reconcile / admit loop; etcd as the limit of the distributed state.",
    source: "src/domain/controlplane/ControlPlane.ts reconcile, stepsToConverge; claims.ts controlPlaneVerdict",
    check: () => controlPlaneVerdict([0, 3, 10, 25].map((actual) => ({ desired: 10, actual, steps: stepsToConverge(10, actual) })), watches),
  },
  {
    id: "S10.2",
    statement: "Controller mapping: ReplicaSet ↔ VMI ReplicaSet, Deployment ↔ VM live update, StatefulSet, DaemonSet ↔ virt-handler, HPA ↔ VMIRS, PDB ↔ MigrationPolicy.",
    source: "src/domain/controlplane/ControlPlane.ts controllerMapping; claims.ts controllerMappingVerdict",
    check: () => controllerMappingVerdict(controllerMapping),
  },
]
