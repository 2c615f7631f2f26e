/**
 * KubeVirt v1.9 objects (`kubevirt.io/v1`, `migrations.kubevirt.io/v1alpha1`,
 * `pool.kubevirt.io/v1alpha1` / `v1beta1`): VirtualMachineInstance (domain
 * cpu/memory/devices/resources), VirtualMachine (running / runStrategy, template),
 * VirtualMachineInstanceReplicaSet and VirtualMachinePool (replicas of a template, what an HPA
 * scales), VirtualMachineInstanceMigration, MigrationPolicy, and the KubeVirt CR's cluster-wide
 * eviction strategy and migration settings.
 *
 * @since 0.1.0
 */
import * as t from "io-ts"
import { LabelSelector, ObjectMeta } from "./meta.ts"
import { Affinity, Toleration, TopologySpreadConstraint } from "./pod.ts"
import { Integer, oneOf, OpaqueObject, QuantityCodec, QuantityMap, StringMap, struct } from "./primitives.ts"

/**
 * `domain.cpu`: topology (vCPUs = cores × sockets × threads), dedicated placement, NUMA.
 *
 * @since 0.1.0
 * @category codecs
 */
export const CPU = t.partial(
  {
    cores: Integer,
    sockets: Integer,
    threads: Integer,
    maxSockets: Integer,
    model: t.string,
    features: t.array(struct("CPUFeature", { name: t.string }, { policy: t.string })),
    dedicatedCpuPlacement: t.boolean,
    isolateEmulatorThread: t.boolean,
    numa: t.partial({ guestMappingPassthrough: OpaqueObject }, "NUMA"),
    realtime: OpaqueObject,
  },
  "CPU",
)

/**
 * `domain.memory`: guest-visible memory, hugepages.
 *
 * @since 0.1.0
 * @category codecs
 */
export const Memory = t.partial(
  { guest: QuantityCodec, maxGuest: QuantityCodec, hugepages: t.partial({ pageSize: t.string }, "Hugepages") },
  "Memory",
)

/**
 * A disk of a VMI's domain.
 *
 * @since 0.1.0
 * @category codecs
 */
export const Disk = struct(
  "Disk",
  { name: t.string },
  {
    disk: OpaqueObject,
    cdrom: OpaqueObject,
    lun: OpaqueObject,
    bootOrder: Integer,
    serial: t.string,
    dedicatedIOThread: t.boolean,
    cache: t.string,
    io: t.string,
    tag: t.string,
    shareable: t.boolean,
    errorPolicy: t.string,
    blockSize: OpaqueObject,
  },
)

/**
 * A network interface of a VMI's domain.
 *
 * @since 0.1.0
 * @category codecs
 */
export const Interface = struct(
  "Interface",
  { name: t.string },
  {
    masquerade: OpaqueObject,
    bridge: OpaqueObject,
    sriov: OpaqueObject,
    passt: OpaqueObject,
    slirp: OpaqueObject,
    macvtap: OpaqueObject,
    binding: OpaqueObject,
    model: t.string,
    macAddress: t.string,
    ports: t.array(OpaqueObject),
    pciAddress: t.string,
    bootOrder: Integer,
    dhcpOptions: OpaqueObject,
    tag: t.string,
    acpiIndex: Integer,
    state: t.string,
  },
)

/** A passed-through device: `deviceName` is the node's extended resource. */
const PassthroughDevice = (name: string) =>
  struct(name, { name: t.string, deviceName: t.string }, { tag: t.string, virtualGPUOptions: OpaqueObject })

/**
 * `domain.devices`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const Devices = t.partial(
  {
    disks: t.array(Disk),
    interfaces: t.array(Interface),
    gpus: t.array(PassthroughDevice("GPU")),
    hostDevices: t.array(PassthroughDevice("HostDevice")),
    autoattachGraphicsDevice: t.boolean,
    autoattachPodInterface: t.boolean,
    autoattachSerialConsole: t.boolean,
    autoattachMemBalloon: t.boolean,
    autoattachInputDevice: t.boolean,
    autoattachVSOCK: t.boolean,
    networkInterfaceMultiqueue: t.boolean,
    blockMultiQueue: t.boolean,
    useVirtioTransitional: t.boolean,
    rng: OpaqueObject,
    tpm: OpaqueObject,
    watchdog: OpaqueObject,
    sound: OpaqueObject,
    inputs: t.array(OpaqueObject),
    filesystems: t.array(OpaqueObject),
    clientPassthrough: OpaqueObject,
    downwardMetrics: OpaqueObject,
    logSerialConsole: t.boolean,
    panicDevices: t.array(OpaqueObject),
    video: OpaqueObject,
  },
  "Devices",
)

/**
 * `domain`: the virtual hardware.
 *
 * @since 0.1.0
 * @category codecs
 */
export const DomainSpec = t.partial(
  {
    resources: t.partial(
      { requests: QuantityMap, limits: QuantityMap, overcommitGuestOverhead: t.boolean },
      "DomainResources",
    ),
    cpu: CPU,
    memory: Memory,
    devices: Devices,
    machine: OpaqueObject,
    firmware: OpaqueObject,
    clock: OpaqueObject,
    features: OpaqueObject,
    chassis: OpaqueObject,
    launchSecurity: OpaqueObject,
    ioThreadsPolicy: oneOf("IOThreadsPolicy", ["shared", "auto", "supplementalPool"]),
    ioThreads: OpaqueObject,
  },
  "DomainSpec",
)

/**
 * The VMI spec: domain plus the pod-like scheduling fields.
 *
 * @since 0.1.0
 * @category codecs
 */
export const VirtualMachineInstanceSpec = struct(
  "VirtualMachineInstanceSpec",
  { domain: DomainSpec },
  {
    nodeSelector: StringMap,
    affinity: Affinity,
    tolerations: t.array(Toleration),
    topologySpreadConstraints: t.array(TopologySpreadConstraint),
    priorityClassName: t.string,
    schedulerName: t.string,
    terminationGracePeriodSeconds: Integer,
    evictionStrategy: t.string,
    startStrategy: t.string,
    volumes: t.array(OpaqueObject),
    networks: t.array(OpaqueObject),
    livenessProbe: OpaqueObject,
    readinessProbe: OpaqueObject,
    hostname: t.string,
    subdomain: t.string,
    dnsPolicy: t.string,
    dnsConfig: OpaqueObject,
    accessCredentials: t.array(OpaqueObject),
    architecture: t.string,
    resourceClaims: t.array(OpaqueObject),
  },
)

/**
 * A KubeVirt VirtualMachineInstance (`kubevirt.io/v1`).
 *
 * @since 0.1.0
 * @category codecs
 */
export const VirtualMachineInstance = struct(
  "VirtualMachineInstance",
  { apiVersion: t.string, kind: t.literal("VirtualMachineInstance"), spec: VirtualMachineInstanceSpec },
  { metadata: ObjectMeta, status: OpaqueObject },
)

/**
 * `Always Halted Manual RerunOnFailure Once WaitAsReceiver`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const RunStrategy = oneOf("RunStrategy", ["Always", "Halted", "Manual", "RerunOnFailure", "Once", "WaitAsReceiver"])

/**
 * A KubeVirt VirtualMachine (`kubevirt.io/v1`): a VMI template plus run strategy.
 *
 * @since 0.1.0
 * @category codecs
 */
export const VirtualMachine = struct(
  "VirtualMachine",
  {
    apiVersion: t.string,
    kind: t.literal("VirtualMachine"),
    spec: struct(
      "VirtualMachineSpec",
      { template: struct("VirtualMachineInstanceTemplateSpec", { spec: VirtualMachineInstanceSpec }, { metadata: ObjectMeta }) },
      {
        running: t.boolean,
        runStrategy: RunStrategy,
        dataVolumeTemplates: t.array(OpaqueObject),
        instancetype: OpaqueObject,
        preference: OpaqueObject,
        updateVolumesStrategy: t.string,
      },
    ),
  },
  { metadata: ObjectMeta, status: OpaqueObject },
)

/**
 * The VMI template of a VirtualMachineInstanceReplicaSet (and of a VirtualMachine).
 *
 * @since 0.1.0
 * @category codecs
 */
export const VirtualMachineInstanceTemplateSpec = struct("VirtualMachineInstanceTemplateSpec", { spec: VirtualMachineInstanceSpec }, { metadata: ObjectMeta })

/**
 * A KubeVirt VirtualMachineInstanceReplicaSet (`kubevirt.io/v1`): `replicas` VMIs stamped from
 * a template, like a ReplicaSet of pods (it has a scale subresource, so an HPA can target it).
 *
 * @since 0.1.0
 * @category codecs
 */
export const VirtualMachineInstanceReplicaSet = struct(
  "VirtualMachineInstanceReplicaSet",
  {
    apiVersion: t.string,
    kind: t.literal("VirtualMachineInstanceReplicaSet"),
    spec: struct(
      "VirtualMachineInstanceReplicaSetSpec",
      { template: VirtualMachineInstanceTemplateSpec },
      { replicas: Integer, selector: LabelSelector, paused: t.boolean },
    ),
  },
  { metadata: ObjectMeta, status: OpaqueObject },
)

/**
 * A KubeVirt VirtualMachinePool (`pool.kubevirt.io/v1alpha1` or `v1beta1`): `replicas`
 * VirtualMachines stamped from `virtualMachineTemplate` (default 1 replica; scale subresource).
 *
 * @since 0.1.0
 * @category codecs
 */
export const VirtualMachinePool = struct(
  "VirtualMachinePool",
  {
    apiVersion: t.string,
    kind: t.literal("VirtualMachinePool"),
    spec: struct(
      "VirtualMachinePoolSpec",
      {
        virtualMachineTemplate: struct(
          "VirtualMachineTemplateSpec",
          {
            spec: struct(
              "VirtualMachineSpec",
              { template: VirtualMachineInstanceTemplateSpec },
              { running: t.boolean, runStrategy: RunStrategy, dataVolumeTemplates: t.array(OpaqueObject), instancetype: OpaqueObject, preference: OpaqueObject },
            ),
          },
          { metadata: ObjectMeta },
        ),
      },
      {
        replicas: Integer,
        selector: LabelSelector,
        paused: t.boolean,
        maxUnavailable: OpaqueObject,
        nameGeneration: OpaqueObject,
        autohealing: OpaqueObject,
        scaleInStrategy: OpaqueObject,
        updateStrategy: OpaqueObject,
      },
    ),
  },
  { metadata: ObjectMeta, status: OpaqueObject },
)

/**
 * `spec.configuration.migrations` of the KubeVirt CR: the cluster-wide migration settings
 * (KubeVirt v1.9 defaults: bandwidth unlimited, completionTimeoutPerGiB 150, progressTimeout
 * 150, auto-converge and post-copy off, 5 parallel per cluster, 2 outbound per node).
 *
 * @since 0.1.0
 * @category codecs
 */
export const MigrationConfiguration = t.partial(
  {
    bandwidthPerMigration: QuantityCodec,
    completionTimeoutPerGiB: Integer,
    progressTimeout: Integer,
    allowAutoConverge: t.boolean,
    allowPostCopy: t.boolean,
    allowWorkloadDisruption: t.boolean,
    parallelMigrationsPerCluster: Integer,
    parallelOutboundMigrationsPerNode: Integer,
    unsafeMigrationOverride: t.boolean,
    nodeDrainTaintKey: t.string,
    network: t.string,
    disableTLS: t.boolean,
    matchSELinuxLevelOnMigration: t.boolean,
    utilityVolumesTimeout: Integer,
  },
  "MigrationConfiguration",
)

/**
 * The KubeVirt CR (`kubevirt.io/v1`, kind KubeVirt): what catcluster reads of it is the
 * cluster-wide `evictionStrategy` and `migrations`; the rest of `configuration` is kept as is.
 *
 * @since 0.1.0
 * @category codecs
 */
export const KubeVirt = struct(
  "KubeVirt",
  {
    apiVersion: t.string,
    kind: t.literal("KubeVirt"),
  },
  {
    metadata: ObjectMeta,
    spec: t.partial(
      {
        configuration: t.partial(
          {
            evictionStrategy: t.string,
            migrations: MigrationConfiguration,
            developerConfiguration: OpaqueObject,
            networkConfiguration: OpaqueObject,
            permittedHostDevices: OpaqueObject,
            mediatedDevicesConfiguration: OpaqueObject,
            cpuModel: t.string,
            cpuRequest: QuantityCodec,
            defaultRuntimeClass: t.string,
            imagePullPolicy: t.string,
            machineType: t.string,
            memBalloonStatsPeriod: Integer,
            smbios: OpaqueObject,
            supportedGuestAgentVersions: t.array(t.string),
            emulatedMachines: t.array(t.string),
            vmStateStorageClass: t.string,
            virtualMachineOptions: OpaqueObject,
            tlsConfiguration: OpaqueObject,
            seccompConfiguration: OpaqueObject,
            vmRolloutStrategy: t.string,
            commonInstancetypesDeployment: OpaqueObject,
            instancetype: OpaqueObject,
            architectureConfiguration: OpaqueObject,
            liveUpdateConfiguration: OpaqueObject,
            ksmConfiguration: OpaqueObject,
            autoCPULimitNamespaceLabelSelector: OpaqueObject,
            virtualMachineInstancesPerNode: Integer,
            additionalGuestMemoryOverheadRatio: t.string,
            obsoleteCPUModels: OpaqueObject,
            handlerConfiguration: OpaqueObject,
            controllerConfiguration: OpaqueObject,
            apiConfiguration: OpaqueObject,
            webhookConfiguration: OpaqueObject,
            selinuxLauncherType: t.string,
            hypervisors: t.array(OpaqueObject),
            changedBlockTrackingLabelSelectors: OpaqueObject,
            evictionStrategyNodeSelector: OpaqueObject,
          },
          "KubeVirtConfiguration",
        ),
        certificateRotateStrategy: OpaqueObject,
        customizeComponents: OpaqueObject,
        imagePullPolicy: t.string,
        imagePullSecrets: t.array(OpaqueObject),
        imageRegistry: t.string,
        imageTag: t.string,
        infra: OpaqueObject,
        monitorAccount: t.string,
        monitorNamespace: t.string,
        productComponent: t.string,
        productName: t.string,
        productVersion: t.string,
        serviceMonitorNamespace: t.string,
        uninstallStrategy: t.string,
        workloadUpdateStrategy: OpaqueObject,
        workloads: OpaqueObject,
      },
      "KubeVirtSpec",
    ),
    status: OpaqueObject,
  },
)

/**
 * A KubeVirt live-migration request for one VMI.
 *
 * @since 0.1.0
 * @category codecs
 */
export const VirtualMachineInstanceMigration = struct(
  "VirtualMachineInstanceMigration",
  {
    apiVersion: t.string,
    kind: t.literal("VirtualMachineInstanceMigration"),
    spec: struct("VirtualMachineInstanceMigrationSpec", { vmiName: t.string }, { addedNodeSelector: StringMap, sendTo: OpaqueObject, receive: OpaqueObject }),
  },
  { metadata: ObjectMeta, status: OpaqueObject },
)

/**
 * A KubeVirt MigrationPolicy (`migrations.kubevirt.io/v1alpha1`).
 *
 * @since 0.1.0
 * @category codecs
 */
export const MigrationPolicy = struct(
  "MigrationPolicy",
  {
    apiVersion: t.string,
    kind: t.literal("MigrationPolicy"),
    spec: t.partial(
      {
        allowAutoConverge: t.boolean,
        allowPostCopy: t.boolean,
        allowWorkloadDisruption: t.boolean,
        bandwidthPerMigration: QuantityCodec,
        completionTimeoutPerGiB: Integer,
        selectors: t.partial(
          { namespaceSelector: StringMap, virtualMachineInstanceSelector: StringMap },
          "Selectors",
        ),
      },
      "MigrationPolicySpec",
    ),
  },
  { metadata: ObjectMeta, status: OpaqueObject },
)

/** A decoded VMI spec. @since 0.1.0 @category model */
export type VirtualMachineInstanceSpec = t.TypeOf<typeof VirtualMachineInstanceSpec>
/** A decoded VirtualMachineInstance. @since 0.1.0 @category model */
export type VirtualMachineInstance = t.TypeOf<typeof VirtualMachineInstance>
/** A decoded VirtualMachine. @since 0.1.0 @category model */
export type VirtualMachine = t.TypeOf<typeof VirtualMachine>
/** A decoded VirtualMachineInstanceMigration. @since 0.1.0 @category model */
export type VirtualMachineInstanceMigration = t.TypeOf<typeof VirtualMachineInstanceMigration>
/** A decoded VirtualMachineInstanceReplicaSet. @since 0.1.0 @category model */
export type VirtualMachineInstanceReplicaSet = t.TypeOf<typeof VirtualMachineInstanceReplicaSet>
/** A decoded VirtualMachinePool. @since 0.1.0 @category model */
export type VirtualMachinePool = t.TypeOf<typeof VirtualMachinePool>
/** A decoded KubeVirt CR. @since 0.1.0 @category model */
export type KubeVirt = t.TypeOf<typeof KubeVirt>
/** A decoded MigrationPolicy. @since 0.1.0 @category model */
export type MigrationPolicy = t.TypeOf<typeof MigrationPolicy>
/** A decoded VMI domain. @since 0.1.0 @category model */
export type DomainSpec = t.TypeOf<typeof DomainSpec>
