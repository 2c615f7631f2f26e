/**
 * The KubeVirt release whose behaviour this folder reproduces.
 *
 * Every number here (fixed daemon overhead, per-vCPU tables, VFIO, dedicated CPUs, the CPU
 * allocation ratio, device resources) is read from KubeVirt v1.9:
 * `pkg/virt-controller/services/renderresources.go` (`GetMemoryOverhead`, `WithoutDedicatedCPU`,
 * `WithCPUPinning`, `WithMemoryOverhead`, `WithHugePages`, `getRequiredResources`) and
 * `pkg/virt-controller/services/template.go` (`VirtLauncherMonitorOverhead` 25Mi,
 * `VirtLauncherOverhead` 100Mi, `VirtlogdOverhead` 25Mi, `VirtqemudOverhead` 40Mi,
 * `QemuOverhead` 30Mi, `ephemeralStorageOverheadSize` 50M), as digested in
 * `K8S-SEMANTICS.md` ("KubeVirt (v1.9)"). The fixed part grows to 240Mi on `main` after July 2026;
 * change {@link FIXED_DAEMON_OVERHEAD} and this pin together.
 *
 * @since 0.1.0
 * @category constants
 */
export const KUBEVIRT_VERSION = "v1.9" as const

/** Bytes in one MiB. @since 0.1.0 @category constants */
export const MI = 1024n * 1024n

/**
 * The per-process resident sizes KubeVirt v1.9 adds for every VMI (virt-launcher-monitor,
 * virt-launcher, virtlogd, virtqemud, qemu), 220Mi in total.
 *
 * @since 0.1.0
 * @category constants
 */
export const FIXED_DAEMON_OVERHEAD: ReadonlyArray<readonly [string, bigint]> = [
  ["virt-launcher-monitor", 25n * MI],
  ["virt-launcher", 100n * MI],
  ["virtlogd", 25n * MI],
  ["virtqemud", 40n * MI],
  ["qemu", 30n * MI],
]
