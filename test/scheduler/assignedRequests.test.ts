/**
 * A bound pod's requests as kube-scheduler v1.35's cache counts them (`assignedPodRequests`),
 * restated from upstream's own tables: component-helpers `TestPodResourceRequests` (the rows with
 * status resources, allocated resources, an infeasible resize and sidecars; `UseStatusResources`
 * is on for an assigned pod), and pkg/scheduler/framework `TestCalculatePodResourcesWithResize`
 * and `TestCalculatePodResources` (the pod-level rows, where the non-zero defaults apply only to
 * keys the requests lack). Rows marked "ours" follow from the same code where upstream has no row.
 *
 * Upstream's resize table also sets pod-level status resources; with
 * InPlacePodLevelResourcesVerticalScaling off (v1.35) they are not read, and its expectations are
 * the same without them, so they are left out here.
 */
import { describe, expect, it } from "vitest"
import {
  assignedPodRequests,
  type ContainerRequests,
  holdsSpecRequests,
  type InitContainerRequests,
  pod,
  podRequests,
  type ResourceAmounts,
  type SchedulingPod,
  withoutStatusResources,
} from "../../src/scheduler/index.ts"

const Mi = 2 ** 20
const M = 10 ** 6
const G = 10 ** 9

interface Row {
  readonly upstream: string
  readonly containers?: ReadonlyArray<ContainerRequests>
  readonly initContainers?: ReadonlyArray<InitContainerRequests>
  readonly podLevel?: ResourceAmounts
  readonly overhead?: ResourceAmounts
  readonly infeasible?: boolean
  readonly requests: ResourceAmounts
  /** Non-zero cpu and memory, when the row states them. */
  readonly nonZero?: readonly [number, number]
}

const podOf = (r: Row): SchedulingPod =>
  pod("d/p", {}, {
    nodeName: "n1",
    containers: r.containers ?? [],
    initContainers: r.initContainers ?? [],
    ...(r.podLevel === undefined ? {} : { podLevelRequests: r.podLevel }),
    ...(r.overhead === undefined ? {} : { overhead: r.overhead }),
    ...(r.infeasible === true ? { resizeInfeasible: true } : {}),
  })

const check = (r: Row) => {
  const got = assignedPodRequests(podOf(r))
  expect(got.requests).toEqual(r.requests)
  if (r.nonZero !== undefined) expect([got.nonZeroCpu, got.nonZeroMemory]).toEqual(r.nonZero)
}

describe("component-helpers TestPodResourceRequests, with status resources", () => {
  const rows: ReadonlyArray<Row> = [
    {
      upstream: "resized, infeasible",
      containers: [{ name: "container-1", requests: { cpu: 4000 }, actuated: { cpu: 2000 } }],
      infeasible: true,
      requests: { cpu: 2000 },
    },
    {
      upstream: "resized, infeasible & in-progress",
      containers: [{ name: "container-1", requests: { cpu: 6000 }, allocated: { cpu: 4000 }, actuated: { cpu: 2000 } }],
      infeasible: true,
      requests: { cpu: 4000 },
    },
    {
      upstream: "resized, no resize status",
      containers: [{ name: "container-1", requests: { cpu: 4000 }, actuated: { cpu: 2000 } }],
      requests: { cpu: 4000 },
    },
    {
      upstream: "resized: per-resource 3-way maximum",
      containers: [
        {
          name: "container-1",
          requests: { cpu: 30, memory: 20 * M, "ephemeral-storage": 10 * G },
          allocated: { cpu: 20, memory: 10 * M, "ephemeral-storage": 30 * G },
          actuated: { cpu: 10, memory: 30 * M, "ephemeral-storage": 20 * G },
        },
      ],
      requests: { cpu: 30, memory: 30 * M, "ephemeral-storage": 30 * G },
    },
    {
      upstream: "resized, restartable init container, infeasible",
      initContainers: [{ name: "restartable-init-1", requests: { cpu: 4000 }, actuated: { cpu: 2000 }, restartable: true }],
      infeasible: true,
      requests: { cpu: 2000 },
    },
    {
      upstream: "resized, restartable init container, no resize status",
      initContainers: [{ name: "restartable-init-1", requests: { cpu: 4000 }, actuated: { cpu: 2000 }, restartable: true }],
      requests: { cpu: 4000 },
    },
    {
      // the maximum of the three pod aggregates (spec 3, allocated 3), not the sum of per-container maxima (4)
      upstream: "aggregate request resolves max of sums instead of sum of maxes",
      containers: [
        { name: "c1", requests: { cpu: 1000 }, allocated: { cpu: 2000 } },
        { name: "c2", requests: { cpu: 2000 }, allocated: { cpu: 1000 } },
      ],
      requests: { cpu: 3000 },
    },
    {
      // ours: infeasible, and a container without any status list counts nothing (no spec fallback)
      upstream: "ours: infeasible, a container without status",
      containers: [
        { name: "a", requests: { cpu: 4000 }, actuated: { cpu: 1000 } },
        { name: "b", requests: { cpu: 500 } },
      ],
      infeasible: true,
      requests: { cpu: 1000 },
    },
    {
      // ours: a key only the spec names stays (the maximum is over the union of keys)
      upstream: "ours: union of keys",
      containers: [{ name: "a", requests: { cpu: 1000, memory: 64 * Mi }, allocated: { cpu: 1500 } }],
      requests: { cpu: 1500, memory: 64 * Mi },
    },
    {
      // ours: sidecars in each aggregate; the allocated one: init 3000 + sidecar 500 = 3500 > 1000 + 500
      upstream: "ours: sidecar and init container resized",
      containers: [{ name: "app", requests: { cpu: 1000 } }],
      initContainers: [
        { name: "proxy", requests: { cpu: 200 }, allocated: { cpu: 500 }, restartable: true },
        { name: "setup", requests: { cpu: 1000 }, allocated: { cpu: 3000 }, restartable: false },
      ],
      requests: { cpu: 3500 },
    },
    {
      // ours: pod-level cpu replaces the aggregate (pod-level status not read), memory is the
      // containers' maximum, and the overhead is added last
      upstream: "ours: pod-level requests and overhead after the maximum",
      containers: [{ name: "a", requests: { cpu: 500, memory: 64 * Mi }, allocated: { cpu: 900, memory: 128 * Mi } }],
      podLevel: { cpu: 2000 },
      overhead: { cpu: 100, memory: 10 * Mi },
      requests: { cpu: 2100, memory: 138 * Mi },
    },
    {
      // ours: containerAllocatedRequests / containerActuatedRequests give nil for an init container
      // without a status list when the resize is infeasible; it adds nothing (the defaults still apply)
      upstream: "ours: infeasible, an init container without status counts nothing",
      containers: [{ name: "a", requests: { cpu: 1000 }, actuated: { cpu: 500 } }],
      initContainers: [{ name: "setup", requests: { cpu: 4000 }, restartable: false }],
      infeasible: true,
      requests: { cpu: 500 },
      nonZero: [500, 200 * Mi],
    },
    {
      // ours: infeasible and no container has a status list: every list is nil, so the pod holds its
      // overhead alone (and the non-zero defaults), not its spec
      upstream: "ours: infeasible, no status list at all: the overhead alone",
      containers: [{ name: "a", requests: { cpu: 1000, memory: 64 * Mi } }],
      overhead: { cpu: 50 },
      infeasible: true,
      requests: { cpu: 50 },
      nonZero: [150, 200 * Mi],
    },
    {
      // ours: a container without a status falls back to its spec in the allocated and actuated
      // aggregates: spec 1000 + 500, allocated 2000 + 500
      upstream: "ours: one container resized, its neighbour without status counts its spec",
      containers: [
        { name: "a", requests: { cpu: 1000 }, allocated: { cpu: 2000 } },
        { name: "b", requests: { cpu: 500 } },
      ],
      requests: { cpu: 2500 },
    },
    {
      // ours: only an init container has a status list; its allocated 3000 is the init peak
      upstream: "ours: only one of two init containers resized",
      containers: [{ name: "app", requests: { cpu: 1000 } }],
      initContainers: [
        { name: "first", requests: { cpu: 500 }, allocated: { cpu: 3000 }, restartable: false },
        { name: "second", requests: { cpu: 200 }, restartable: false },
      ],
      requests: { cpu: 3000 },
    },
    {
      // ours: a plain init container before a sidecar keeps its peak (4000 > 1000 + 300)
      upstream: "ours: a plain init container's peak survives a later resized sidecar",
      containers: [{ name: "app", requests: { cpu: 1000 } }],
      initContainers: [
        { name: "setup", requests: { cpu: 4000 }, restartable: false },
        { name: "proxy", requests: { cpu: 200 }, allocated: { cpu: 300 }, restartable: true },
      ],
      requests: { cpu: 4000 },
    },
    {
      // ours (applyPodLevelResources): only cpu, memory and hugepages are taken from the pod level;
      // ephemeral-storage stays the containers' maximum
      upstream: "ours: pod-level requests replace only the supported resources",
      containers: [{ name: "a", requests: { cpu: 500, "ephemeral-storage": G, "hugepages-2Mi": 2 * Mi }, allocated: { cpu: 900, "ephemeral-storage": 2 * G } }],
      podLevel: { cpu: 2000, "ephemeral-storage": 5 * G, "hugepages-2Mi": 4 * Mi },
      requests: { cpu: 2000, "ephemeral-storage": 2 * G, "hugepages-2Mi": 4 * Mi },
    },
  ]
  for (const r of rows) it(r.upstream, () => check(r))

  it("resized, infeasible, but don't use status: a pod to schedule counts its spec (podRequests)", () => {
    const p = podOf({ upstream: "", containers: [{ name: "container-1", requests: { cpu: 4000 }, actuated: { cpu: 2000 } }], infeasible: true, requests: {} })
    expect(podRequests(p)).toEqual({ cpu: 4000 })
  })

  it("without status lists, a feasible resize and pod-level requests, the requests are podRequests' (both forms: holdsSpecRequests)", () => {
    const p = pod("d/p", { cpu: 250, memory: 64 * Mi }, { initContainers: [{ name: "i", requests: {}, restartable: false }] })
    expect(holdsSpecRequests(p)).toBe(true)
    const got = assignedPodRequests(p)
    expect(got.requests).toEqual(podRequests(p))
    expect([got.nonZeroCpu, got.nonZeroMemory]).toEqual([podRequests(p, true)["cpu"], podRequests(p, true)["memory"]])
    expect(holdsSpecRequests({ ...p, resizeInfeasible: true })).toBe(false)
    expect(holdsSpecRequests({ ...p, podLevelRequests: { memory: Mi } })).toBe(false)
    expect(holdsSpecRequests({ ...p, podLevelRequests: { "ephemeral-storage": Mi } })).toBe(true)
    expect(holdsSpecRequests({ ...p, initContainers: [{ name: "i", requests: {}, restartable: false, actuated: {} }] })).toBe(false)
    expect(holdsSpecRequests({ ...p, containers: [{ name: "c", requests: {}, allocated: { cpu: 1 } }] })).toBe(false)
    // one status list among several containers is enough
    expect(holdsSpecRequests({ ...p, containers: [{ name: "c", requests: {}, allocated: { cpu: 1 } }, { name: "d", requests: {} }] })).toBe(false)
    expect(holdsSpecRequests({ ...p, initContainers: [{ name: "i", requests: {}, restartable: false }, { name: "j", requests: {}, restartable: false, actuated: { cpu: 1 } }] })).toBe(false)
  })
})

describe("scheduler framework TestCalculatePodResourcesWithResize (InPlacePodVerticalScaling on)", () => {
  const c1 = (requests: ResourceAmounts, actuated: ResourceAmounts): ContainerRequests => ({ name: "c1", requests, actuated })
  const rows: ReadonlyArray<Row> = [
    {
      upstream: "Pod with no pending resize",
      containers: [c1({ cpu: 500, memory: 500 * Mi }, { cpu: 500, memory: 500 * Mi })],
      requests: { cpu: 500, memory: 500 * Mi },
      nonZero: [500, 500 * Mi],
    },
    {
      upstream: "Pod with pod-level resources no pending resize",
      podLevel: { cpu: 700, memory: 500 * Mi },
      containers: [c1({ cpu: 500, memory: 500 * Mi }, { cpu: 700, memory: 500 * Mi })],
      requests: { cpu: 700, memory: 500 * Mi },
      nonZero: [700, 500 * Mi],
    },
    {
      upstream: "Pod with deferred resize",
      containers: [c1({ cpu: 700, memory: 800 * Mi }, { cpu: 500, memory: 500 * Mi })],
      requests: { cpu: 700, memory: 800 * Mi },
      nonZero: [700, 800 * Mi],
    },
    {
      upstream: "Pod with pod-level resources and with deferred resize",
      podLevel: { cpu: 700, memory: 800 * Mi },
      containers: [c1({ cpu: 500, memory: 500 * Mi }, { cpu: 500, memory: 500 * Mi })],
      requests: { cpu: 700, memory: 800 * Mi },
      nonZero: [700, 800 * Mi],
    },
    {
      upstream: "Pod with infeasible resize",
      containers: [c1({ cpu: 700, memory: 800 * Mi }, { cpu: 500, memory: 500 * Mi })],
      infeasible: true,
      requests: { cpu: 500, memory: 500 * Mi },
      nonZero: [500, 500 * Mi],
    },
    {
      upstream: "Pod with init container and no pending resize",
      containers: [c1({ cpu: 500, memory: 500 * Mi }, { cpu: 500, memory: 500 * Mi })],
      initContainers: [{ name: "i1", requests: { cpu: 700, memory: 800 * Mi }, actuated: { cpu: 700, memory: 800 * Mi }, restartable: false }],
      requests: { cpu: 700, memory: 800 * Mi },
      nonZero: [700, 800 * Mi],
    },
    {
      upstream: "Pod with sider container and no pending resize",
      containers: [c1({ cpu: 500, memory: 500 * Mi }, { cpu: 500, memory: 500 * Mi })],
      initContainers: [
        { name: "i1", requests: { cpu: 700, memory: 800 * Mi }, actuated: { cpu: 700, memory: 800 * Mi }, restartable: false },
        { name: "s1", requests: { cpu: 700, memory: 800 * Mi }, actuated: { cpu: 700, memory: 800 * Mi }, restartable: true },
      ],
      requests: { cpu: 1200, memory: 1300 * Mi },
      nonZero: [1200, 1300 * Mi],
    },
  ]
  for (const r of rows) it(r.upstream, () => check(r))
})

describe("scheduler framework TestCalculatePodResources: pod-level requests and the non-zero defaults", () => {
  const rows: ReadonlyArray<Row> = [
    {
      upstream: "1X container and 1X init container with pod-level requests",
      containers: [{ name: "c", requests: { cpu: 500, memory: 500 * Mi } }],
      initContainers: [{ name: "i", requests: { cpu: 500, memory: 500 * Mi }, restartable: false }],
      podLevel: { cpu: 1200, memory: 1200 * Mi },
      requests: { cpu: 1200, memory: 1200 * Mi },
      nonZero: [1200, 1200 * Mi],
    },
    {
      upstream: "1X container and 1X sidecar container with pod-level requests",
      containers: [{ name: "c", requests: { cpu: 500, memory: 500 * Mi } }],
      initContainers: [{ name: "s", requests: { cpu: 500, memory: 500 * Mi }, restartable: true }],
      podLevel: { cpu: 1200, memory: 1200 * Mi },
      requests: { cpu: 1200, memory: 1200 * Mi },
      nonZero: [1200, 1200 * Mi],
    },
    {
      upstream: "1X container with pod-level memory requests",
      containers: [{ name: "c", requests: {} }],
      initContainers: [{ name: "i", requests: {}, restartable: false }],
      podLevel: { memory: 1200 * Mi },
      requests: { memory: 1200 * Mi },
      nonZero: [100, 1200 * Mi],
    },
    {
      upstream: "1X container with pod-level cpu requests",
      containers: [{ name: "c", requests: {} }],
      initContainers: [{ name: "i", requests: {}, restartable: false }],
      podLevel: { cpu: 500 },
      requests: { cpu: 500 },
      nonZero: [500, 200 * Mi],
    },
    {
      upstream: "1X container unsupported resources and pod-level supported resources",
      containers: [{ name: "c", requests: { "ephemeral-storage": 800 * Mi } }],
      initContainers: [{ name: "i", requests: { "ephemeral-storage": 500 * Mi }, restartable: false }],
      podLevel: { cpu: 500 },
      requests: { cpu: 500, "ephemeral-storage": 800 * Mi },
      nonZero: [500, 200 * Mi],
    },
    {
      // ours (getNonMissingContainerRequests): cpu is in the requests (500m), so no container gets the default
      upstream: "ours: pod-level memory, one container without cpu",
      containers: [
        { name: "a", requests: { cpu: 500 } },
        { name: "b", requests: {} },
      ],
      podLevel: { memory: 1 * 2 ** 30 },
      requests: { cpu: 500, memory: 2 ** 30 },
      nonZero: [500, 2 ** 30],
    },
    {
      // ours: without pod-level requests every container lacking the key counts the default
      upstream: "ours: no pod-level requests, one container without cpu",
      containers: [
        { name: "a", requests: { cpu: 500, memory: 64 * Mi } },
        { name: "b", requests: { memory: 64 * Mi } },
      ],
      requests: { cpu: 500, memory: 128 * Mi },
      nonZero: [600, 128 * Mi],
    },
    {
      // ours: the defaults apply to each list; the allocated list lacks cpu, so it counts 100m > the spec's 50m
      upstream: "ours: defaults per list (aggregateContainerResourcesByFn)",
      containers: [{ name: "a", requests: { cpu: 50, memory: 64 * Mi }, allocated: { memory: 64 * Mi } }],
      requests: { cpu: 50, memory: 64 * Mi },
      nonZero: [100, 64 * Mi],
    },
    {
      // ours: the allocated list lacks cpu and counts the default, above the spec's and the actuated 50m
      upstream: "ours: defaults per list, only the allocated list lacks cpu",
      containers: [{ name: "a", requests: { cpu: 50, memory: 64 * Mi }, allocated: { memory: 64 * Mi }, actuated: { cpu: 50, memory: 64 * Mi } }],
      requests: { cpu: 50, memory: 64 * Mi },
      nonZero: [100, 64 * Mi],
    },
  ]
  for (const r of rows) it(r.upstream, () => check(r))

  it("the incoming pod's scorer form applies the full defaults (resource_allocation.go): 600m where the bound pod holds 500m", () => {
    const p = podOf({ upstream: "", containers: [{ name: "a", requests: { cpu: 500 } }, { name: "b", requests: {} }], podLevel: { memory: 2 ** 30 }, requests: {} })
    expect(podRequests(p, true)["cpu"]).toBe(600)
    expect(assignedPodRequests(p).nonZeroCpu).toBe(500)
  })
})

describe("withoutStatusResources: a new pod from a live one's spec", () => {
  it("drops the status lists and the infeasible verdict; a pod without them is returned as is", () => {
    const live = pod("d/p", {}, {
      containers: [{ name: "a", requests: { cpu: 1000 }, allocated: { cpu: 3000 }, actuated: { cpu: 3000 } }],
      initContainers: [{ name: "s", requests: { cpu: 100 }, allocated: { cpu: 200 }, restartable: true }],
      resizeInfeasible: true,
    })
    const fresh = withoutStatusResources(live)
    expect(fresh.containers).toEqual([{ name: "a", requests: { cpu: 1000 } }])
    expect(fresh.initContainers).toEqual([{ name: "s", requests: { cpu: 100 }, restartable: true }])
    expect(fresh.resizeInfeasible).toBeUndefined()
    expect(assignedPodRequests(fresh).requests).toEqual({ cpu: 1100 })
    const plain = pod("d/q", { cpu: 1 })
    expect(withoutStatusResources(plain)).toBe(plain)
  })
})
