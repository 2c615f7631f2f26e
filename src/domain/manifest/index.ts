/**
 * Kubernetes and KubeVirt manifests: io-ts codecs, a YAML/JSON loader with typed errors, and
 * the list of unknown fields and kinds.
 *
 * @since 0.1.0
 */
export * from "./JsonPath.ts"
export * from "./codecs/primitives.ts"
export * from "./codecs/meta.ts"
export * from "./codecs/pod.ts"
export * from "./codecs/workloads.ts"
export * from "./codecs/node.ts"
/**
 * The KubeVirt v1 codecs as one namespace (`VirtualMachine`, `VirtualMachineInstance`,
 * migrations, migration policies); the most used ones are also re-exported by name below.
 * @since 0.1.0
 */
export * as kubevirt from "./codecs/kubevirt.ts"
export {
  VirtualMachine,
  VirtualMachineInstance,
  VirtualMachineInstanceMigration,
  VirtualMachineInstanceReplicaSet,
  VirtualMachinePool,
  KubeVirt,
  VirtualMachineInstanceSpec,
  MigrationPolicy,
  DomainSpec,
  RunStrategy,
} from "./codecs/kubevirt.ts"
export * from "./codecs/storage.ts"
export * from "./codecs/volumes.ts"
export * from "./codecs/policy.ts"
export * from "./codecs/disruption.ts"
export * from "./codecs/namespace.ts"
export * from "./codecs/network.ts"
export * from "./codecs/autoscaling.ts"
export * from "./Manifest.ts"
export * from "./ManifestError.ts"
export * from "./unknownFields.ts"
export * from "./decode.ts"
export * from "./decodeStream.ts"
export * from "./duplicateKeys.ts"
export * from "./duplicateYamlKeys.ts"
export * from "./yamlValue.ts"
export * from "./fastDecode.ts"
export * from "./JsonStream.ts"
export * from "./showValue.ts"
export * from "./validationProblem.ts"
export * from "./workload.ts"
export * from "./arbitrary.ts"
export * from "./load.ts"
export * from "./regularFile.ts"
export * from "./objectKey.ts"
