import * as E from "fp-ts/lib/Either.js"
import * as t from "io-ts"
import { appendPath } from "../manifest/JsonPath.ts"
import { validationPath, validationProblem } from "../manifest/validationProblem.ts"
import { parseQuantity, showQuantityError, type Quantity } from "../quantity/index.ts"

/**
 * The part of a `VirtualMachineInstance` spec that decides what its virt-launcher pod requests,
 * decoded with io-ts from a parsed manifest (a VMI, or a VM whose `spec.template.spec` is one).
 *
 * Only fields KubeVirt v1.9 reads when it renders the launcher pod are kept; everything else in
 * the manifest is ignored here (the manifest codecs in `src/domain/manifest` keep it all).
 *
 * @since 0.1.0
 */

/** One NIC of the VMI: its binding and model decide the tun / vhost-net devices. @since 0.1.0 @category model */
export interface VmiInterface {
  readonly name: string
  /** `virtio` unless given (KubeVirt's default model). */
  readonly model: string
  /** SR-IOV binding: a VFIO device. */
  readonly sriov: boolean
}

/** A device passed through by name (GPU or host device). @since 0.1.0 @category model */
export interface PassthroughDevice {
  readonly name: string
  /** The extended resource the device plugin advertises, e.g. `nvidia.com/GP102GL_Tesla_P40`. */
  readonly deviceName: string
}

/**
 * A VMI reduced to what shapes its launcher pod. Quantities are exact: cpu in milli-cores,
 * everything else in bytes or counts.
 *
 * @since 0.1.0
 * @category model
 */
export interface VmiSpec {
  readonly name: string
  /** `spec.domain.cpu`, when given (its absence changes how vCPUs are counted). */
  readonly cpu:
    | {
        readonly cores: number
        readonly sockets: number
        readonly threads: number
        readonly dedicatedCpuPlacement: boolean
        readonly isolateEmulatorThread: boolean
      }
    | undefined
  /** `spec.domain.memory.guest` in bytes. */
  readonly memoryGuest: bigint | undefined
  /** `spec.domain.memory.hugepages.pageSize`, e.g. `2Mi`. */
  readonly hugepagesPageSize: string | undefined
  /** `spec.domain.resources.requests` / `.limits`: cpu in milli-cores, the rest in base units. */
  readonly requests: Readonly<Record<string, bigint>>
  readonly limits: Readonly<Record<string, bigint>>
  readonly overcommitGuestOverhead: boolean
  /** `spec.domain.devices.autoattachGraphicsDevice`; absent means true. */
  readonly autoattachGraphicsDevice: boolean
  /** `spec.domain.devices.autoattachPodInterface`; absent means true. */
  readonly autoattachPodInterface: boolean
  readonly interfaces: ReadonlyArray<VmiInterface>
  readonly gpus: ReadonlyArray<PassthroughDevice>
  readonly hostDevices: ReadonlyArray<PassthroughDevice>
  readonly tpm: boolean
  /** AMD SEV / SEV-ES / SEV-SNP launch security. */
  readonly sev: boolean
  readonly downwardMetrics: boolean
  /** `spec.domain.ioThreads.supplementalPoolThreadCount`. */
  readonly supplementalIoThreads: number
}

/**
 * A VMI spec with KubeVirt's defaults, for building shapes in code and tests.
 *
 * @example
 * import { vmiSpec } from "catcluster/domain/kubevirt"
 * const small = vmiSpec({ name: "small", memoryGuest: 2n * 1024n ** 3n, cpu: { cores: 2, sockets: 1, threads: 1, dedicatedCpuPlacement: false, isolateEmulatorThread: false } })
 *
 * @since 0.1.0
 * @category constructors
 */
export const vmiSpec = (partial: Partial<VmiSpec> & { readonly name: string }): VmiSpec => ({
  cpu: undefined,
  memoryGuest: undefined,
  hugepagesPageSize: undefined,
  requests: {},
  limits: {},
  overcommitGuestOverhead: false,
  autoattachGraphicsDevice: true,
  autoattachPodInterface: true,
  interfaces: [],
  gpus: [],
  hostDevices: [],
  tpm: false,
  sev: false,
  downwardMetrics: false,
  supplementalIoThreads: 0,
  ...partial,
})

/**
 * A VMI spec that could not be read, with the JSON path of the offending field.
 *
 * @since 0.1.0
 * @category errors
 */
export class VmiSpecError extends Error {
  readonly _tag = "VmiSpecError" as const
  constructor(
    readonly file: string,
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${file}: ${path}: ${problem}`)
    this.name = "VmiSpecError"
  }
}

const quantityInput = t.union([t.string, t.number])
const resourceList = t.record(t.string, quantityInput)
const named = t.type({ name: t.string })

/** KubeVirt's `uint32` fields: `t.number` would let NaN, 1.5 or -4 through to `BigInt` and throw. */
const Uint32 = new t.Type<number, number, unknown>(
  "uint32",
  (u): u is number => typeof u === "number" && Number.isInteger(u) && u >= 0 && u <= 0xffff_ffff,
  (u, c) =>
    typeof u === "number" && Number.isInteger(u) && u >= 0 && u <= 0xffff_ffff
      ? t.success(u)
      : t.failure(u, c, `expected an integer in [0, 4294967295] (uint32), got ${typeof u === "number" ? String(u) : JSON.stringify(u)}`),
  (n) => n,
)

const Cpu = t.partial({
  cores: Uint32,
  sockets: Uint32,
  threads: Uint32,
  dedicatedCpuPlacement: t.boolean,
  isolateEmulatorThread: t.boolean,
})

const Device = t.intersection([named, t.partial({ deviceName: t.string })])

const Interface = t.intersection([named, t.partial({ model: t.string, sriov: t.unknown })])

const Domain = t.partial({
  cpu: Cpu,
  memory: t.partial({ guest: quantityInput, hugepages: t.type({ pageSize: t.string }) }),
  resources: t.partial({ requests: resourceList, limits: resourceList, overcommitGuestOverhead: t.boolean }),
  devices: t.partial({
    autoattachGraphicsDevice: t.boolean,
    autoattachPodInterface: t.boolean,
    interfaces: t.array(Interface),
    gpus: t.array(Device),
    hostDevices: t.array(Device),
    tpm: t.unknown,
  }),
  launchSecurity: t.partial({ sev: t.unknown, snp: t.unknown }),
  ioThreads: t.partial({ supplementalPoolThreadCount: Uint32 }),
})

/** A claim by name (`persistentVolumeClaim`, and inside `ephemeral`), as the launcher pod mounts it. */
const ClaimSource = t.intersection([t.type({ claimName: t.string }), t.partial({ readOnly: t.boolean, hotpluggable: t.boolean })])

// The sources virt-controller turns into the launcher pod's volumes and images, with the fields
// the VMI CRD requires of them (`claimName`, `name`, `path`, `image`); the others stay opaque.
const Volume = t.intersection([
  named,
  t.partial({
    downwardMetrics: t.unknown,
    persistentVolumeClaim: ClaimSource,
    dataVolume: t.intersection([named, t.partial({ hotpluggable: t.boolean })]),
    ephemeral: t.partial({ persistentVolumeClaim: ClaimSource }),
    hostDisk: t.type({ path: t.string }),
    containerDisk: t.type({ image: t.string }),
  }),
])

const Spec = t.intersection([t.type({ domain: Domain }), t.partial({ volumes: t.array(Volume) })])

const readQuantity = (
  file: string,
  path: string,
  input: string | number,
  milli: boolean,
): E.Either<VmiSpecError, bigint> =>
  E.chain((q: Quantity): E.Either<VmiSpecError, bigint> => {
    // the API server refuses negative resource quantities (ValidateNonnegativeQuantity)
    if (q.nanos < 0n) return E.left(new VmiSpecError(file, path, `must be greater than or equal to 0, got ${JSON.stringify(input)}`))
    // Round up as Kubernetes' Value()/MilliValue() do.
    const unit = milli ? 1_000_000n : 1_000_000_000n
    return E.right((q.nanos + unit - 1n) / unit)
  })(E.mapLeft((e: Parameters<typeof showQuantityError>[0]) => new VmiSpecError(file, path, `not a quantity: ${showQuantityError(e)}`))(parseQuantity(input)))

const readList = (
  file: string,
  path: string,
  list: Readonly<Record<string, string | number>> | undefined,
): E.Either<VmiSpecError, Readonly<Record<string, bigint>>> => {
  const out: Record<string, bigint> = {}
  for (const [key, raw] of Object.entries(list ?? {})) {
    const r = readQuantity(file, `${path}.${key}`, raw, key === "cpu")
    if (E.isLeft(r)) return r
    out[key] = r.right
  }
  return E.right(out)
}

/**
 * Reads a VMI spec from a parsed manifest: a `VirtualMachineInstance`, or a `VirtualMachine`
 * (its `spec.template.spec`). Errors name the file and the JSON path.
 *
 * @example
 * import { parse } from "yaml"
 * import { decodeVmiSpec } from "catcluster/domain/kubevirt"
 * // decodeVmiSpec(parse(text), "vmi-fedora.yaml") → right({ name: "vmi-fedora", memoryGuest: 1024000000n, ... })
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeVmiSpec = (manifest: unknown, file: string): E.Either<VmiSpecError, VmiSpec> => {
  if (typeof manifest !== "object" || manifest === null) return E.left(new VmiSpecError(file, "$", "expected an object"))
  const m = manifest as { kind?: unknown; metadata?: { name?: unknown }; spec?: unknown }
  const kind = m.kind
  const name = typeof m.metadata?.name === "string" ? m.metadata.name : "<unnamed>"
  let spec: unknown
  let prefix: string
  if (kind === "VirtualMachineInstance") {
    spec = m.spec
    prefix = "spec"
  } else if (kind === "VirtualMachine") {
    spec = (m.spec as { template?: { spec?: unknown } } | undefined)?.template?.spec
    prefix = "spec.template.spec"
  } else {
    return E.left(new VmiSpecError(file, "kind", `expected VirtualMachineInstance or VirtualMachine, got ${JSON.stringify(kind)}`))
  }
  const decoded = Spec.decode(spec)
  if (E.isLeft(decoded)) {
    // the first error in one line, path and problem, as the manifest decoder reports its own
    const first = decoded.left[0]
    if (first === undefined) return E.left(new VmiSpecError(file, prefix, "not a valid VMI spec"))
    return E.left(new VmiSpecError(file, validationPath(first.context).reduce(appendPath, prefix), validationProblem(first)))
  }
  const s = decoded.right
  const d = s.domain
  const requests = readList(file, `${prefix}.domain.resources.requests`, d.resources?.requests)
  if (E.isLeft(requests)) return requests
  const limits = readList(file, `${prefix}.domain.resources.limits`, d.resources?.limits)
  if (E.isLeft(limits)) return limits
  let memoryGuest: bigint | undefined
  if (d.memory?.guest !== undefined) {
    const g = readQuantity(file, `${prefix}.domain.memory.guest`, d.memory.guest, false)
    if (E.isLeft(g)) return g
    memoryGuest = g.right
  }
  const device = (x: t.TypeOf<typeof Device>): PassthroughDevice => ({ name: x.name, deviceName: x.deviceName ?? "" })
  return E.right({
    name,
    cpu:
      d.cpu === undefined
        ? undefined
        : {
            cores: d.cpu.cores ?? 0,
            sockets: d.cpu.sockets ?? 0,
            threads: d.cpu.threads ?? 0,
            dedicatedCpuPlacement: d.cpu.dedicatedCpuPlacement ?? false,
            isolateEmulatorThread: d.cpu.isolateEmulatorThread ?? false,
          },
    memoryGuest,
    hugepagesPageSize: d.memory?.hugepages?.pageSize,
    requests: requests.right,
    limits: limits.right,
    overcommitGuestOverhead: d.resources?.overcommitGuestOverhead ?? false,
    autoattachGraphicsDevice: d.devices?.autoattachGraphicsDevice ?? true,
    autoattachPodInterface: d.devices?.autoattachPodInterface ?? true,
    interfaces: (d.devices?.interfaces ?? []).map((i) => ({
      name: i.name,
      model: i.model ?? "virtio",
      sriov: i.sriov !== undefined,
    })),
    gpus: (d.devices?.gpus ?? []).map(device),
    hostDevices: (d.devices?.hostDevices ?? []).map(device),
    tpm: d.devices?.tpm !== undefined,
    sev: d.launchSecurity?.sev !== undefined || d.launchSecurity?.snp !== undefined,
    downwardMetrics: (s.volumes ?? []).some((v) => v.downwardMetrics !== undefined),
    supplementalIoThreads: d.ioThreads?.supplementalPoolThreadCount ?? 0,
  })
}
