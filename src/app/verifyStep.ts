import { check, type CheckResult } from "../verification/Check.ts"
import { always, alwaysEventually, leadsTo, type Formula } from "../verification/Formula.ts"
import { ipPoolSystem } from "../verification/scenarios/IpPool.ts"
import { migrationLivenessSystem } from "../verification/scenarios/MigrationLiveness.ts"
import { placementSystem } from "../verification/scenarios/Placement.ts"
import { quotaSystem } from "../verification/scenarios/Quota.ts"
import { runScenario, scenarios } from "../verification/scenarios/index.ts"
import { serviceHealthSystem } from "../verification/scenarios/ServiceHealth.ts"
import { showTrace } from "../verification/Trace.ts"
import type { TransitionSystem } from "../verification/TransitionSystem.ts"
import { milliValue } from "../domain/quantity/decimal.ts"
import { showAmount } from "../domain/resources/ResourceVector.ts"
import type { ModelledUnit } from "../domain/model/clusterFromManifests.ts"
import { mapSelectorMatches, unitLabelsOf, vmiTemplateOf } from "../domain/model/templates.ts"
import { badge, legend, paragraph, pre, table, type Block } from "../report/Html.ts"
import { migrationEstimates, drainRows } from "./migrationStep.ts"
import type { Step } from "./Step.ts"
import type { Context } from "./steps.ts"
import { namespaceOf, userCluster, type UserCluster } from "./userCluster.ts"

/**
 * S15, S9.4, S13.2 on the user's cluster: the model checker's scenarios instantiated with the
 * cluster's own numbers where they are parameterised (the VMIs' and pods' cpu requests against
 * the nodes' allocatable cpu, the pods and VMIs of a namespace sharing an IP pool, a namespace's
 * pods against its ResourceQuota, whether its live migrations converge, whether the VMs behind a
 * Service have a liveness probe), each within a state budget. A state space grows exponentially
 * with the workloads, so each instance grows one workload at a time (largest requests first)
 * until it is the whole cluster or the budget is hit; the report says how far it got. The seed's
 * own scenarios follow (they decide the ledger's verdicts and are the same for every input).
 *
 * @since 0.1.0
 */

/** States one check of the user's cluster may explore. @since 0.1.0 @category constants */
export const USER_STATE_BUDGET = 100_000

/** One scenario instantiated on the user's cluster, sized by how many workloads it includes. @since 0.1.0 @category model */
export interface UserInstance {
  readonly scenario: string
  readonly claims: ReadonlyArray<string>
  /** The property, in words. */
  readonly property: string
  /** What the full instance has, e.g. `12 VMIs on 4 nodes`. */
  readonly of: string
  readonly size: number
  readonly build: (k: number) => { readonly system: TransitionSystem; readonly formula: Formula }
  /** A control: expected to hold by construction; a violation is a failure of the model. */
  readonly control?: boolean
}

/** The answer for one instance: on how many of its workloads, and whether the budget stopped it. @since 0.1.0 @category model */
export interface UserAnswer {
  readonly scenario: string
  readonly claims: ReadonlyArray<string>
  readonly property: string
  readonly of: string
  readonly size: number
  /** The largest size answered (holds or violated) within the budget. */
  readonly answeredSize: number
  readonly status: "holds" | "violated" | "unknown"
  readonly boundHit: boolean
  readonly states: number
  readonly trace?: string
  readonly control: boolean
}

/**
 * Checks an instance at sizes 1, 2, … until the whole instance is answered or the budget stops
 * a size (hit, or foreseen: the next size would take more than twice the budget at the last
 * growth factor); the answer is the largest size answered.
 *
 * @since 0.1.0
 * @category checks
 */
export const growInstance = (instance: UserInstance, budget = USER_STATE_BUDGET): UserAnswer => {
  let last: { size: number; result: CheckResult } | undefined
  let boundHit = false
  let states = 0
  let previous = 0
  for (let k = 1; k <= instance.size; k++) {
    // State spaces grow geometrically with the workloads: when the last growth factor says the
    // next size would take more than twice the budget, stop without spending the budget on it.
    const done = last?.result.stats.states ?? 0
    if (previous > 0 && done * (done / previous) > 2 * budget) {
      boundHit = true
      break
    }
    const { system, formula } = instance.build(k)
    const result = check(system, formula, { maxStates: budget })
    states += result.stats.states
    if (result.status === "unknown") {
      boundHit = true
      break
    }
    previous = done
    last = { size: k, result }
  }
  return {
    scenario: instance.scenario,
    claims: instance.claims,
    property: instance.property,
    of: instance.of,
    size: instance.size,
    answeredSize: last?.size ?? 0,
    status: last?.result.status ?? "unknown",
    boundHit,
    states,
    ...(last?.result.trace === undefined ? {} : { trace: showTrace(last.result.trace) }),
    control: instance.control === true,
  }
}

const unitNamespace = (uc: UserCluster, u: ModelledUnit): string => {
  const m = uc.manifestAt(u.origin.source)
  return m === undefined ? "default" : namespaceOf(m)
}

const cpuOf = (u: ModelledUnit): number => Number(u.request.get("cpu") ?? 0n)

const nodeCpus = (uc: UserCluster, kvmOnly: boolean): ReadonlyArray<number> =>
  uc.manifests.flatMap((m) => {
    if (m.kind !== "Node") return []
    if (kvmOnly && m.metadata?.labels?.["kubevirt.io/schedulable"] !== "true") return []
    const cpu = (m.status?.allocatable ?? m.status?.capacity)?.["cpu"]
    return cpu === undefined ? [] : [Number(milliValue(cpu))]
  })

/**
 * The nodes an instance with `k` workloads needs: nodes of equal cpu are interchangeable and
 * at most `k` are ever occupied at once, so `k` of each distinct cpu keep every behaviour up to
 * renaming nodes (a symmetry reduction; the properties checked do not name nodes).
 *
 * @since 0.1.0
 * @category constructors
 */
export const representativeNodes = (capacities: ReadonlyArray<number>, k: number): ReadonlyArray<number> => {
  const kept = new Map<number, number>()
  return capacities.filter((c) => {
    const n = kept.get(c) ?? 0
    kept.set(c, n + 1)
    return n < k
  })
}

const distinct = (xs: ReadonlyArray<number>): number => new Set(xs).size

const byRequest = (units: ReadonlyArray<ModelledUnit>): ReadonlyArray<number> => units.map(cpuOf).sort((a, b) => b - a)

/**
 * The scenarios instantiated on the user's cluster, and a line for each that cannot be (the
 * cluster has nothing it is about).
 *
 * @since 0.1.0
 * @category constructors
 */
export const userInstances = (uc: UserCluster, migrationConverges: boolean | undefined): { readonly instances: ReadonlyArray<UserInstance>; readonly absent: ReadonlyArray<string> } => {
  const instances: UserInstance[] = []
  const absent: string[] = []
  const kvmNodes = nodeCpus(uc, true)
  const vmNodes = kvmNodes.length > 0 ? kvmNodes : nodeCpus(uc, false)
  const allNodes = nodeCpus(uc, false)

  if (uc.vmis.length === 0) absent.push("S15.2 (pending VM eventually runs): the cluster has no VMI")
  else if (vmNodes.length === 0) absent.push("S15.2 (pending VM eventually runs): the cluster has no node")
  else {
    const requests = byRequest(uc.vmis)
    instances.push({
      scenario: "pending-vm",
      claims: ["S15.2"],
      property: `the largest VMI (cpu ${showAmount("cpu", BigInt(requests[0] ?? 0))}) Pending ⇝ Running, VMs may stop and start`,
      of: `${requests.length} VMIs (cpu requests, largest first) on ${vmNodes.length} ${kvmNodes.length > 0 ? "KVM " : ""}nodes (${distinct(vmNodes)} distinct cpu)`,
      size: requests.length,
      build: (k) => {
        const system = placementSystem({ kind: "vm", capacities: representativeNodes(vmNodes, k), requests: requests.slice(0, k), churn: "stop-start" })
        return { system, formula: leadsTo(system.pending(0), system.running(0)) }
      },
    })
  }
  if (uc.pods.length === 0) absent.push("S15.3 (□◇ pod fits its node): the cluster has no pod")
  else if (allNodes.length === 0) absent.push("S15.3 (□◇ pod fits its node): the cluster has no node")
  else {
    const requests = byRequest(uc.pods)
    const of = `${requests.length} pods (cpu requests, largest first) on ${allNodes.length} nodes (${distinct(allNodes)} distinct cpu)`
    instances.push({
      scenario: "pod-fits-node",
      claims: ["S15.3"],
      property: `□◇ the largest pod (cpu ${showAmount("cpu", BigInt(requests[0] ?? 0))}) is bound to a node whose cpu covers it, pods may be evicted`,
      of,
      size: requests.length,
      build: (k) => {
        const system = placementSystem({ kind: "pod", capacities: representativeNodes(allNodes, k), requests: requests.slice(0, k), churn: "evict" })
        return { system, formula: alwaysEventually(system.fitsItsNode(0)) }
      },
    })
    instances.push({
      scenario: "pod-fits-node",
      claims: ["S15.3"],
      property: "□ Σ cpu requests bound to each node ≤ its cpu (the NodeResourcesFit filter)",
      of,
      size: requests.length,
      control: true,
      build: (k) => {
        const system = placementSystem({ kind: "pod", capacities: representativeNodes(allNodes, k), requests: requests.slice(0, k), churn: "evict" })
        return { system, formula: always(system.withinCapacity) }
      },
    })
  }

  // S15.1: the namespace with the most pods and VMIs side by side.
  const perNamespace = new Map<string, { pods: number; vmis: number }>()
  for (const u of uc.model.units) {
    const ns = unitNamespace(uc, u)
    const c = perNamespace.get(ns) ?? { pods: 0, vmis: 0 }
    if (u.unit._tag === "Pod") c.pods++
    else c.vmis++
    perNamespace.set(ns, c)
  }
  const mixed = [...perNamespace].filter(([, c]) => c.pods > 0 && c.vmis > 0).sort(([, a], [, b]) => b.pods + b.vmis - (a.pods + a.vmis))[0]
  if (mixed === undefined) absent.push("S15.1 (no Pod and VMI share an IP): no namespace has both pods and VMIs")
  else {
    const [ns, c] = mixed
    const n = c.pods + c.vmis
    instances.push({
      scenario: "ip-pool",
      claims: ["S15.1"],
      property: `□ no Pod and VMI of namespace ${ns} share an IP (addresses released after sandbox teardown)`,
      of: `${c.pods} pods and ${c.vmis} VMIs of namespace ${ns}, an address pool as large as the workloads`,
      size: n - 1,
      // size k: k + 1 workloads (at least one pod and one VMI), in the namespace's proportion
      build: (k) => {
        const vmis = Math.max(1, Math.min(c.vmis, Math.round(((k + 1) * c.vmis) / n)))
        const pods = k + 1 - vmis
        const system = ipPoolSystem({ pods, vmis, ips: k + 1, release: "after-teardown" })
        return { system, formula: always(system.noSharedIp) }
      },
    })
  }

  // S9.4: the namespace with a cpu ResourceQuota and the most pods.
  const quotas = uc.manifests.flatMap((m) => {
    if (m.kind !== "ResourceQuota") return []
    const hard = m.spec?.hard?.["requests.cpu"] ?? m.spec?.hard?.["cpu"]
    return hard === undefined ? [] : [{ ns: namespaceOf(m), name: m.metadata?.name ?? "<unnamed>", hard: Number(milliValue(hard)) }]
  })
  const quotaPods = (ns: string) => uc.model.units.filter((u) => unitNamespace(uc, u) === ns)
  const q = quotas.map((x) => ({ ...x, units: quotaPods(x.ns) })).sort((a, b) => b.units.length - a.units.length)[0]
  if (q === undefined || q.units.length === 0) absent.push("S9.4 (□ Σ used ≤ hard): no namespace has a cpu ResourceQuota and pods")
  else {
    const requests = byRequest(q.units)
    instances.push({
      scenario: "quota",
      claims: ["S9.4"],
      property: `□ Σ cpu used ≤ hard (${q.hard}m, ResourceQuota ${q.ns}/${q.name}) under atomic admission`,
      of: `${requests.length} pods and launcher pods of namespace ${q.ns}`,
      size: requests.length,
      build: (k) => {
        const system = quotaSystem({ requests: requests.slice(0, k), hard: q.hard, soft: q.hard, admission: "atomic" })
        return { system, formula: always(system.usedWithinHard) }
      },
    })
  }

  if (migrationConverges === undefined) absent.push("S13.2 (preconditions ⇝ succeeded): no VMI live-migrates on a drain")
  else {
    instances.push({
      scenario: "migration-liveness",
      claims: ["S13.2"],
      property: `preconditions ⇝ migration succeeded, with pre-copy ${migrationConverges ? "converging" : "not converging"} as the migration step found`,
      of: "one migration of the cluster's live-migrating VMIs",
      size: 1,
      build: () => {
        const system = migrationLivenessSystem({ converges: migrationConverges, userAbort: false })
        return { system, formula: leadsTo(system.preconditions, system.succeeded) }
      },
    })
  }

  // S15.4: Services whose backends are VMs, with or without a liveness probe.
  const vmServices = uc.manifests.flatMap((m) => {
    if (m.kind !== "Service" || m.spec?.selector === undefined || Object.keys(m.spec.selector).length === 0) return []
    const selector = m.spec.selector
    const backends = uc.vmis.flatMap((u) => {
      const src = uc.manifestAt(u.origin.source)
      if (src === undefined || namespaceOf(src) !== namespaceOf(m) || !mapSelectorMatches(selector, unitLabelsOf(src) ?? {})) return []
      return [vmiTemplateOf(src)?.spec.livenessProbe !== undefined]
    })
    return backends.length === 0 ? [] : [{ service: `${namespaceOf(m)}/${m.metadata?.name ?? "<unnamed>"}`, probed: backends.every((b) => b) }]
  })
  if (vmServices.length === 0) absent.push("S15.4 (VM Running ⇝ Service Healthy): no Service selects a VMI")
  else {
    for (const probed of [true, false]) {
      const services = vmServices.filter((s) => s.probed === probed).map((s) => s.service)
      if (services.length === 0) continue
      instances.push({
        scenario: "service-health",
        claims: ["S15.4"],
        property: `VM Running ⇝ Service Healthy, ${probed ? "with" : "without"} a liveness probe on the VMs`,
        of: `Service(s) ${services.join(", ")}`,
        size: 1,
        build: () => {
          const system = serviceHealthSystem(probed)
          return { system, formula: leadsTo(system.vmRunning, system.serviceHealthy) }
        },
      })
    }
  }
  return { instances, absent }
}

/** S15, S9.4, S13.2: the scenarios on the user's cluster, then the seed's. @since 0.1.0 @category steps */
export const verifyStep: Step<Context> = {
  name: "verify",
  run: (ctx, progress) => {
    const uc = userCluster(ctx)
    const estimates = ctx.state.migration?.estimates ?? migrationEstimates(drainRows(uc))
    const converges = estimates.length === 0 ? undefined : estimates.every((e) => e.converges)
    const { instances, absent } = userInstances(uc, converges)
    progress.start("model checking", instances.length + scenarios.length)
    const answers = instances.map((inst, i) => {
      progress.update(i, `${inst.scenario} on your cluster`)
      return growInstance(inst)
    })
    const outcomes = scenarios.flatMap((s, i) => {
      progress.update(instances.length + i, s.name)
      return runScenario(s)
    })
    const seedStates = outcomes.reduce((n, o) => n + o.result.stats.states, 0)
    const unexpected = outcomes.filter((o) => !o.asExpected)
    const brokenControls = answers.filter((a) => a.control && a.status === "violated")
    const bounded = answers.filter((a) => a.boundHit)
    const summary =
      `your cluster: ${answers.length} checks (${answers.filter((a) => a.status === "violated").length} violated, ${bounded.length} stopped by the ${USER_STATE_BUDGET.toLocaleString("en-US")}-state budget); ` +
      `seed: ${outcomes.length} checks, ${seedStates} states, ${outcomes.filter((o) => o.result.status === "violated").length} violations (${unexpected.length} unexpected)`
    progress.stop(summary)
    const traces = outcomes.filter((o) => o.result.trace !== undefined && o.role === "claim").map((o) => `${o.scenario}/${o.check}\n${showTrace(o.result.trace!)}`)
    const userTraces = answers.filter((a) => a.trace !== undefined && a.status === "violated").map((a) => `${a.scenario} (${a.answeredSize} of ${a.size}): ${a.property}\n${a.trace}`)
    const extent = (a: UserAnswer) =>
      a.answeredSize === a.size ? (a.size === 1 ? "all" : `all ${a.size}`) : a.answeredSize === 0 ? `none (the first size hit the bound)` : `the first ${a.answeredSize} of ${a.size} (bound hit at ${a.answeredSize + 1})`
    const blocks: Block[] = [
      paragraph(
        `The scenarios instantiated with this cluster's numbers, each grown one workload at a time (largest requests first) within ${USER_STATE_BUDGET.toLocaleString("en-US")} states per check; "answered on" says how much of the cluster the answer covers. ` +
          "Nodes of equal cpu are interchangeable, so an instance with k workloads keeps k nodes of each distinct cpu (at most k are ever occupied; the properties do not name nodes).",
      ),
      ...(answers.length > 0
        ? [table(["scenario", "claims", "property", "instance", "answered on", "answer", "states"], answers.map((a) => [a.scenario, a.claims.join(", "), a.property, a.of, extent(a), badge(a.status), a.states]))]
        : []),
      ...(absent.length > 0 ? [paragraph(`Not instantiated: ${absent.join("; ")}.`)] : []),
      ...(userTraces.length > 0 ? [paragraph("Counterexamples on your cluster (shortest traces; lassos for liveness):"), pre(userTraces.join("\n\n"))] : []),
      paragraph("The seed's own scenarios (about the analysis, the same for every input; they decide the ledger's S15 verdicts):"),
      legend([
        ["holds", "the property holds in every reachable state"],
        ["violated", "a reachable state breaks it: the trace shows how"],
        ["unknown", "the search stopped at its state bound"],
        ["as expected", "the answer is the one the check predicts (a deliberately broken control is expected to be violated)"],
      ]),
      table(
        ["scenario", "check", "role", "expected", "answer", "", "states"],
        outcomes.map((o) => [o.scenario, o.check, o.role, o.expected, badge(o.result.status), badge(o.result.status === "unknown" ? "undecided" : o.asExpected ? "as expected" : "unexpected"), o.result.stats.states]),
      ),
      ...(traces.length > 0 ? [paragraph("Counterexamples to the seed's claims (shortest traces; lassos for liveness):"), pre(traces.join("\n\n"))] : []),
    ]
    return {
      summary,
      sections: [{ id: "verification", title: "Model checking (S15)", blocks }],
      json: {
        budget: USER_STATE_BUDGET,
        cluster: answers.map(({ trace: _trace, ...a }) => a),
        notInstantiated: absent,
        seed: outcomes.map((o) => ({ scenario: o.scenario, check: o.check, role: o.role, expected: o.expected, status: o.result.status, states: o.result.stats.states })),
      },
      failures: [
        ...unexpected.map((o) => `${o.scenario}/${o.check}: expected ${o.expected}, got ${o.result.status}`),
        ...brokenControls.map((a) => `${a.scenario} on the cluster: ${a.property} is violated, which the filter rules out`),
      ],
    }
  },
}

