/**
 * S15.1 — "no Pod and VMI in one namespace share an IP".
 *
 * The model: a namespace holds pods and VMIs (workloads); IPAM hands out addresses from a pool
 * of `ips` addresses. A workload is Absent, Running (holding its address) or Terminating (its
 * sandbox and interfaces are being torn down: the address is still live on the data plane until
 * teardown completes). Actions: `create` (user; takes any free address), `delete` (user), and
 * `teardown` (the kubelet/CNI finishing the deletion; weakly fair).
 *
 * Two IPAM variants: `release-after-teardown` returns the address to the pool when the sandbox is
 * gone (what CNI DEL after sandbox teardown gives), `release-before-reuse-bug` returns it as soon
 * as deletion starts, so a new workload can get an address still live on a terminating one. The
 * checker finds the shortest trace of the bug and proves the correct variant safe.
 *
 * @since 0.1.0
 */
import { always } from "../Formula.ts"
import { encode, getField, layout, setField, type Field } from "../Layout.ts"
import { proposition, type Proposition, type TransitionSystem } from "../TransitionSystem.ts"
import type { Scenario } from "./Scenario.ts"

/**
 * Parameters of the IP-pool model.
 *
 * @since 0.1.0
 * @category model
 */
export interface IpPoolConfig {
  readonly pods: number
  readonly vmis: number
  readonly ips: number
  readonly release: "after-teardown" | "on-delete"
}

const PHASES = ["Absent", "Running", "Terminating"] as const

/**
 * The IP-pool transition system, with the "no Pod and VMI share an IP" proposition.
 *
 * @since 0.1.0
 * @category constructors
 */
export const ipPoolSystem = (config: IpPoolConfig): TransitionSystem & { readonly noSharedIp: Proposition } => {
  const names = [...Array.from({ length: config.pods }, (_, i) => `pod${i}`), ...Array.from({ length: config.vmis }, (_, i) => `vmi${i}`)]
  const isVmi = names.map((n) => n.startsWith("vmi"))
  const n = names.length
  const l = layout([
    ...names.flatMap((name) => [
      { name: `${name}.phase`, values: 3 },
      { name: `${name}.ip`, values: config.ips },
    ]),
    { name: "free", values: 2 ** config.ips },
  ])
  const phase: Field[] = names.map((_, i) => l.fields[2 * i]!)
  const ip: Field[] = names.map((_, i) => l.fields[2 * i + 1]!)
  const free = l.fields[2 * n]!
  const width = l.width
  const actions = names.flatMap((name) => [`create ${name}`, `delete ${name}`, `teardown ${name}`])
  const fairActions = names.map((_, i) => 3 * i + 2)
  const releaseOnDelete = config.release === "on-delete"

  const successors = (words: Int32Array, at: number, out: Int32Array, labels: Uint8Array): number => {
    let k = 0
    const pool = getField(words, at, free)
    for (let w = 0; w < n; w++) {
      const p = getField(words, at, phase[w]!)
      if (p === 0) {
        for (let a = 0; a < config.ips; a++) {
          if ((pool & (1 << a)) === 0) continue
          const o = k * width
          for (let i = 0; i < width; i++) out[o + i] = words[at + i]!
          setField(out, o, phase[w]!, 1)
          setField(out, o, ip[w]!, a)
          setField(out, o, free, pool & ~(1 << a))
          labels[k++] = 3 * w
        }
      } else if (p === 1) {
        const o = k * width
        for (let i = 0; i < width; i++) out[o + i] = words[at + i]!
        setField(out, o, phase[w]!, 2)
        if (releaseOnDelete) setField(out, o, free, pool | (1 << getField(words, at, ip[w]!)))
        labels[k++] = 3 * w + 1
      } else {
        const o = k * width
        for (let i = 0; i < width; i++) out[o + i] = words[at + i]!
        setField(out, o, phase[w]!, 0)
        setField(out, o, ip[w]!, 0)
        if (!releaseOnDelete) setField(out, o, free, pool | (1 << getField(words, at, ip[w]!)))
        labels[k++] = 3 * w + 2
      }
    }
    return k
  }

  // a live address: Running or Terminating (the sandbox still answers on it)
  const noSharedIp = proposition("no Pod and VMI share an IP", (words, at) => {
    for (let a = 0; a < n; a++) {
      if (isVmi[a] === true || getField(words, at, phase[a]!) === 0) continue
      for (let b = 0; b < n; b++) {
        if (isVmi[b] !== true || getField(words, at, phase[b]!) === 0) continue
        if (getField(words, at, ip[a]!) === getField(words, at, ip[b]!)) return false
      }
    }
    return true
  })

  return {
    name: `ip-pool(${config.pods} pods, ${config.vmis} VMIs, ${config.ips} IPs, release ${config.release})`,
    width,
    actions,
    fairActions,
    maxSuccessors: n * Math.max(1, config.ips),
    initial: [encode(l, [...names.flatMap(() => [0, 0]), 2 ** config.ips - 1])],
    successors,
    describe: (words, at) => {
      const out: Record<string, string> = {}
      names.forEach((name, i) => {
        const p = getField(words, at, phase[i]!)
        out[name] = p === 0 ? "Absent" : `${PHASES[p]}@10.0.0.${getField(words, at, ip[i]!) + 1}`
      })
      const pool = getField(words, at, free)
      out["free"] = `{${Array.from({ length: config.ips }, (_, a) => a)
        .filter((a) => (pool & (1 << a)) !== 0)
        .map((a) => `10.0.0.${a + 1}`)
        .join(",")}}`
      return out
    },
    noSharedIp,
  }
}

const correct: IpPoolConfig = { pods: 2, vmis: 1, ips: 2, release: "after-teardown" }
const buggy: IpPoolConfig = { ...correct, release: "on-delete" }

/**
 * The S15.1 scenario: the correct IPAM holds, the release-before-reuse bug is caught.
 *
 * @since 0.1.0
 * @category scenarios
 */
export const ipPool: Scenario = {
  name: "ip-pool",
  claims: ["S15.1"],
  title: "No Pod and VMI in one namespace share an IP (IP allocation from a pool)",
  checks: [
    {
      name: "release-after-teardown/no-shared-ip",
      build: () => {
        const system = ipPoolSystem(correct)
        return { system, formula: always(system.noSharedIp) }
      },
      expected: "holds",
      role: "claim",
      because: "an address returns to the pool only once the workload holding it is gone",
    },
    {
      name: "release-before-reuse-bug/no-shared-ip",
      build: () => {
        const system = ipPoolSystem(buggy)
        return { system, formula: always(system.noSharedIp) }
      },
      expected: "violated",
      role: "control",
      because: "releasing on delete lets a new workload take an address still live on a terminating one",
    },
  ],
}
