/**
 * NodePorts (v1.35): the cases of upstream's node_ports_test.go (TestNodePorts, 15 cases, and
 * TestPreFilterDisabled) restated as a table, run through the plugin's PreFilter/Filter and through
 * the readable σ with NodePorts the only filter; then catcluster's own edge cases (empty host IP,
 * `::`, bound pods' sidecars, preemption freeing a port).
 */
import { describe, expect, it } from "vitest"
import { clusterView } from "../../src/scheduler/framework/ClusterView.ts"
import {
  type ContainerPortsSpec,
  defaultProfile,
  fitsPorts,
  type HostPort,
  hostPortsOf,
  hostPortsOfSpec,
  node,
  nodePortsFilterPlugin,
  pod,
  portConflicts,
  type Profile,
  readableScheduler,
  REASON_NODE_PORTS,
  type SchedulingPod,
  snapshot,
  usedHostPorts,
} from "../../src/scheduler/index.ts"
import { addPod, boundPod, nodeState } from "../../src/scheduler/readable/NodeState.ts"

/** Upstream's `newPod(host, "PROTO/IP/PORT"...)`: one container with those ports. */
const spec = (...ports: ReadonlyArray<string>): ContainerPortsSpec => ({
  ports: ports.map((s) => {
    const [protocol, hostIP, port] = s.split("/") as ["TCP" | "UDP", string, string]
    return { protocol, hostIP, hostPort: Number(port) }
  }),
})
const withPorts = (key: string, containers: ReadonlyArray<ContainerPortsSpec>, initContainers: ReadonlyArray<ContainerPortsSpec> = [], priority = 0): SchedulingPod =>
  pod(key, { cpu: 100 }, { hostPorts: hostPortsOfSpec(containers, initContainers), priority })

interface Case {
  readonly name: string
  readonly incoming: SchedulingPod
  readonly existing: SchedulingPod
  /** "skip": PreFilter skips; true: Filter passes; false: Filter fails with the reason. */
  readonly expect: "skip" | boolean
}

const existing = (...ports: ReadonlyArray<string>): SchedulingPod => withPorts("d/existing", [spec(...ports)])
const incoming = (...ports: ReadonlyArray<string>): SchedulingPod => withPorts("d/incoming", [spec(...ports)])

const UPSTREAM: ReadonlyArray<Case> = [
  { name: "skip filter", incoming: pod("d/incoming", {}), existing: pod("d/existing", {}), expect: "skip" },
  { name: "other port", incoming: incoming("UDP/127.0.0.1/8080"), existing: existing("UDP/127.0.0.1/9090"), expect: true },
  { name: "same udp port", incoming: incoming("UDP/127.0.0.1/8080"), existing: existing("UDP/127.0.0.1/8080"), expect: false },
  { name: "same tcp port", incoming: incoming("TCP/127.0.0.1/8080"), existing: existing("TCP/127.0.0.1/8080"), expect: false },
  { name: "different host ip", incoming: incoming("TCP/127.0.0.1/8080"), existing: existing("TCP/127.0.0.2/8080"), expect: true },
  { name: "different protocol", incoming: incoming("UDP/127.0.0.1/8080"), existing: existing("TCP/127.0.0.1/8080"), expect: true },
  {
    name: "second udp port conflict",
    incoming: incoming("UDP/127.0.0.1/8000", "UDP/127.0.0.1/8080"),
    existing: existing("UDP/127.0.0.1/8080"),
    expect: false,
  },
  {
    name: "first tcp port conflict",
    incoming: incoming("TCP/127.0.0.1/8001", "UDP/127.0.0.1/8080"),
    existing: existing("TCP/127.0.0.1/8001", "UDP/127.0.0.1/8081"),
    expect: false,
  },
  { name: "first tcp port conflict due to 0.0.0.0 hostIP", incoming: incoming("TCP/0.0.0.0/8001"), existing: existing("TCP/127.0.0.1/8001"), expect: false },
  {
    name: "TCP hostPort conflict due to 0.0.0.0 hostIP",
    incoming: incoming("TCP/10.0.10.10/8001", "TCP/0.0.0.0/8001"),
    existing: existing("TCP/127.0.0.1/8001"),
    expect: false,
  },
  { name: "second tcp port conflict to 0.0.0.0 hostIP", incoming: incoming("TCP/127.0.0.1/8001"), existing: existing("TCP/0.0.0.0/8001"), expect: false },
  { name: "second different protocol", incoming: incoming("UDP/127.0.0.1/8001"), existing: existing("TCP/0.0.0.0/8001"), expect: true },
  {
    name: "UDP hostPort conflict due to 0.0.0.0 hostIP",
    incoming: incoming("UDP/127.0.0.1/8001"),
    existing: existing("TCP/0.0.0.0/8001", "UDP/0.0.0.0/8001"),
    expect: false,
  },
  {
    // A plain init container has exited before the pod runs: its host port does not count.
    name: "non-sidecar initContainer using hostPort",
    incoming: withPorts("d/incoming", [], [{ restartPolicy: undefined, ports: [{ hostPort: 8001, protocol: "TCP" }] }]),
    existing: existing("TCP/0.0.0.0/8001"),
    expect: "skip",
  },
  {
    name: "TCP hostPort conflict from sidecar initContainer",
    incoming: withPorts("d/incoming", [], [{ restartPolicy: "Always", ports: [{ hostPort: 8001, protocol: "TCP" }] }]),
    existing: existing("TCP/0.0.0.0/8001"),
    expect: false,
  },
]

const onlyNodePorts: Profile = { ...defaultProfile, filters: ["NodePorts"], weights: {}, preemption: false, dynamicResources: false }
const plugin = nodePortsFilterPlugin(defaultProfile)

const runPlugin = (c: Case): "skip" | boolean => {
  const m1 = nodeState(node("m1", { cpu: 4000, memory: 2 ** 30, pods: 10 }))
  addPod(m1, boundPod(0, c.existing, 0, -1))
  const view = clusterView([m1], {})
  const pre = plugin.preFilter?.(c.incoming, view)
  if (pre === undefined) throw new Error("NodePorts must have a PreFilter")
  if (pre.kind === "skip") return "skip"
  if (pre.kind === "reject") throw new Error("NodePorts' PreFilter never rejects")
  const status = plugin.filter(c.incoming, m1, pre.state, view)
  if (status.code === "Success") return true
  expect(status).toEqual({ code: "Unschedulable", reasons: [REASON_NODE_PORTS] })
  return false
}

describe("NodePorts: upstream TestNodePorts", () => {
  it.each(UPSTREAM.map((c) => [c.name, c] as const))("%s (plugin)", (_, c) => {
    expect(runPlugin(c)).toBe(c.expect)
  })

  it.each(UPSTREAM.map((c) => [c.name, c] as const))("%s (readable σ)", (_, c) => {
    const s = readableScheduler(snapshot([node("m1", { cpu: 4000, memory: 2 ** 30, pods: 10 })], [{ node: "m1", pod: c.existing }]), { profile: onlyNodePorts })
    const p = s.schedule(c.incoming)
    if (c.expect === false) {
      expect(p.node).toBeNull()
      expect(p.message).toBe(`0/1 nodes are available: 1 ${REASON_NODE_PORTS}.`)
    } else expect(p.node).toBe("m1")
  })

  it("counts the upstream table: 15 cases, 9 conflicts, 2 skips, 4 fits", () => {
    expect(UPSTREAM.length).toBe(15)
    expect(UPSTREAM.filter((c) => c.expect === false).length).toBe(9)
    expect(UPSTREAM.filter((c) => c.expect === true).length).toBe(4)
    expect(UPSTREAM.filter((c) => c.expect === "skip").length).toBe(2)
  })

  it("TestPreFilterDisabled: without PreFilter state the Filter reads the pod's own ports (upstream: an error; the configuration refuses it)", () => {
    const m1 = nodeState(node("m1", { cpu: 4000, memory: 2 ** 30, pods: 10 }))
    addPod(m1, boundPod(0, existing("TCP/0.0.0.0/80"), 0, -1))
    const view = clusterView([m1], {})
    expect(plugin.filter(incoming("TCP//80"), m1, undefined, view).code).toBe("Unschedulable")
    expect(plugin.filter(pod("d/none", {}), m1, undefined, view).code).toBe("Success")
  })
})

const tcp = (hostIP: string, hostPort: number): HostPort => ({ protocol: "TCP", hostIP, hostPort })

describe("NodePorts: HostPortInfo semantics", () => {
  it("an empty host IP is the wildcard 0.0.0.0 on both sides", () => {
    const used = usedHostPorts([pod("d/a", {}, { hostPorts: [tcp("", 80)] })])
    expect([...used.keys()]).toEqual(["0.0.0.0"])
    expect(portConflicts(used, tcp("10.0.0.1", 80))).toBe(true)
    expect(portConflicts(usedHostPorts([pod("d/a", {}, { hostPorts: [tcp("10.0.0.1", 80)] })]), tcp("", 80))).toBe(true)
  })

  it("only 0.0.0.0 is a wildcard: '::' is compared as a plain string, as upstream does", () => {
    const used = usedHostPorts([pod("d/a", {}, { hostPorts: [tcp("::", 80)] })])
    expect(portConflicts(used, tcp("::1", 80))).toBe(false)
    expect(portConflicts(used, tcp("::", 80))).toBe(true)
    expect(portConflicts(used, tcp("0.0.0.0", 80))).toBe(true)
  })

  it("SCTP is its own protocol", () => {
    const used = usedHostPorts([pod("d/a", {}, { hostPorts: [tcp("", 5000)] })])
    expect(portConflicts(used, { protocol: "SCTP", hostIP: "", hostPort: 5000 })).toBe(false)
  })

  it("ports ≤ 0 are neither used nor wanted; containerPort without hostPort binds nothing", () => {
    const p = pod("d/a", {}, { hostPorts: [tcp("", 0), tcp("", -1)] })
    expect(hostPortsOf(p)).toEqual([])
    expect(usedHostPorts([p]).size).toBe(0)
    expect(portConflicts(usedHostPorts([pod("d/b", {}, { hostPorts: [tcp("", 80)] })]), tcp("", 0))).toBe(false)
    expect(hostPortsOfSpec([{ ports: [{ hostPort: undefined }, { hostPort: 0 }] }])).toEqual([])
  })

  it("hostPortsOfSpec: sidecars first, then containers; protocol defaults to TCP, host IP stays empty", () => {
    expect(
      hostPortsOfSpec(
        [{ ports: [{ hostPort: 80 }, { hostPort: 53, protocol: "UDP", hostIP: "10.0.0.1" }] }],
        [{ restartPolicy: "Always", ports: [{ hostPort: 9000 }] }, { ports: [{ hostPort: 9001 }] }],
      ),
    ).toEqual([
      { protocol: "TCP", hostIP: "", hostPort: 9000 },
      { protocol: "TCP", hostIP: "", hostPort: 80 },
      { protocol: "UDP", hostIP: "10.0.0.1", hostPort: 53 },
    ])
  })

  it("the wanted ports are not checked against each other (a pod may list one port twice)", () => {
    expect(fitsPorts([tcp("", 80), tcp("", 80)], usedHostPorts([]))).toBe(true)
  })
})

describe("NodePorts in the readable σ", () => {
  const a = node("a", { cpu: 4000, memory: 2 ** 30, pods: 10 })
  const nodes = [a, node("b", { cpu: 4000, memory: 2 ** 30, pods: 10 })]

  it("two pods wanting the same host port land on different nodes; a third stays pending with kube-scheduler's message", () => {
    const s = readableScheduler(snapshot(nodes), { profile: { ...defaultProfile, preemption: false } })
    const placed = [0, 1, 2].map((i) => s.schedule(withPorts(`d/web-${i}`, [spec("TCP//8080")])))
    expect(new Set(placed.slice(0, 2).map((p) => p.node))).toEqual(new Set(["a", "b"]))
    expect(placed[2]?.node).toBeNull()
    expect(placed[2]?.message).toBe(`0/2 nodes are available: 2 ${REASON_NODE_PORTS}. no new claims to deallocate`)
  })

  it("a bound pod's sidecar port counts; its plain init container's port does not", () => {
    const sidecar = withPorts("d/sidecar", [], [{ restartPolicy: "Always", ports: [{ hostPort: 9100 }] }])
    const plainInit = withPorts("d/init", [], [{ ports: [{ hostPort: 9200 }] }])
    const s = readableScheduler(snapshot([a], [{ node: "a", pod: sidecar }, { node: "a", pod: plainInit }]), { profile: onlyNodePorts })
    expect(s.schedule(withPorts("d/x", [spec("TCP//9100")])).node).toBeNull()
    expect(s.schedule(withPorts("d/y", [spec("TCP//9200")])).node).toBe("a")
  })

  it("the failure is resolvable: a higher-priority pod preempts the lower-priority holder of the port", () => {
    const holder = withPorts("d/holder", [spec("TCP//443")], [], 0)
    const s = readableScheduler(snapshot([a], [{ node: "a", pod: holder }]), {
      profile: { ...defaultProfile, filters: ["NodePorts"], weights: {} },
    })
    const p = s.schedule(withPorts("d/urgent", [spec("TCP//443")], [], 100))
    expect(p.node).toBe("a")
    expect(p.victims).toEqual(["d/holder"])
    expect(p.message).toBe(`0/1 nodes are available: 1 ${REASON_NODE_PORTS}.`)
  })
})
