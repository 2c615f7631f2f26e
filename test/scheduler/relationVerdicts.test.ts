/**
 * The hot path's relational verdicts, computed for every node at once filter by filter
 * (`spreadVerdicts`, `affinityVerdicts`, host ports only where ports are in use), agree node by
 * node with the per-node verdict preemption's dry run uses (`verdictWithout` with nothing
 * removed): same failing filter, in kube-scheduler's order, on every node of every cycle.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runConfig } from "../../src/laws/RunConfig.ts"
import { objectsOf } from "../../src/scheduler/model/ClusterSnapshot.ts"
import { nodeArrays } from "../../src/scheduler/core/NodeArrays.ts"
import { relations } from "../../src/scheduler/core/Relations.ts"
import { defaultProfile, type Profile } from "../../src/scheduler/index.ts"
import { relationalClusterArb } from "./arbitraries.ts"

const withPorts = (p: import("../../src/scheduler/index.ts").SchedulingPod, i: number) =>
  i % 3 === 0 ? { ...p, hostPorts: [{ hostPort: 8080 + (i % 2), protocol: "TCP" as const, hostIP: i % 4 === 0 ? "10.0.0.1" : "" }] } : p

const profiles: ReadonlyArray<readonly [string, Profile]> = [
  ["default", defaultProfile],
  [
    "DoNotSchedule defaults over two keys",
    {
      ...defaultProfile,
      podTopologySpread: {
        defaultingType: "List",
        defaultConstraints: [
          { maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "DoNotSchedule" },
          { maxSkew: 1, topologyKey: "rack", whenUnsatisfiable: "DoNotSchedule", nodeTaintsPolicy: "Honor" },
        ],
      },
    },
  ],
]

describe("relational verdicts for all nodes at once ≡ node by node", () => {
  for (const [name, profile] of profiles) {
    it(`every node, every cycle (${name})`, () => {
      const { seed, numRuns } = runConfig(300)
      fc.assert(
        fc.property(relationalClusterArb, ({ nodes, pods, objects }) => {
          const cluster = { nodes, bound: [], ...objects }
          const a = nodeArrays(nodes)
          const rel = relations(a, profile, objectsOf(cluster))
          pods.forEach((raw, id) => {
            const pod = withPorts(raw, id)
            const c = rel.prepare(pod)
            const all = c.verdicts === null ? null : Array.from(c.verdicts)
            const one = nodes.map((_, n) => rel.verdictWithout(c, n, []))
            expect(all ?? one.map(() => 0)).toEqual(one)
            // bind it somewhere, so later cycles see counts, terms and ports in use
            rel.bind(id, pod, (id * 7) % nodes.length)
          })
        }),
        { seed, numRuns },
      )
    })
  }
})
