import { different, equal, type Category } from "../../category/Category.ts"
import { freeCategory, type FinCat } from "../../category/fincat/index.ts"
import type { Functor } from "../../functors/Functor.ts"

/**
 * IO-path latency as a functor (S8.3). The IO path is the free category on its stages
 *
 *   Request --app--> Syscall --kernel--> BlockIO --block--> Device --nvme--> Done
 *
 * and the latencies form the monoid (ℝ≥0, +), a category with one object • whose arrows are
 * durations, composed by addition, with identity 0. A latency table is a functor L from the
 * path category to it: a path's latency is the sum of its stages'. The functor laws (checked by
 * `functorLaws`) are what makes "total = Σ stages" a theorem rather than a convention.
 *
 * @since 0.1.0
 */

/** The one object of the monoid viewed as a category. @since 0.1.0 @category model */
export type Point = "•"

/** Durations within 1 ps are equal (sums of decimal microseconds are not exact in binary). */
const TOLERANCE = 1e-6

/**
 * (ℝ≥0, +) as a one-object category of durations in µs.
 *
 * @since 0.1.0
 * @category latency
 */
export const Durations: Category<Point, number> = {
  name: "(ℝ≥0,+)",
  dom: () => "•",
  cod: () => "•",
  id: () => 0,
  compose: (g, f) => g + f,
  equalObjects: () => true,
  equalArrows: (f, g) => (Math.abs(f - g) <= TOLERANCE ? equal : different(`${f} µs ≠ ${g} µs`, [f, g])),
  showObject: () => "•",
  showArrow: (f) => `${f}µs`,
}

/** The stages of the IO path, in order. @since 0.1.0 @category constants */
export const ioStages = ["app", "kernel", "block", "nvme"] as const
/** One stage of the IO path. @since 0.1.0 @category model */
export type IoStage = (typeof ioStages)[number]

/** Latency per stage, µs. @since 0.1.0 @category model */
export type StageLatencies = Readonly<Record<IoStage, number>>

/** The seed's container column (write(fd), vfs_write, /dev/nbd0, NVMe). @since 0.1.0 @category constants */
export const containerLatencies: StageLatencies = { app: 5, kernel: 10, block: 50, nvme: 100 }
/** The seed's VM column (virtio-blk, QEMU IO thread, /dev/vda, NVMe). @since 0.1.0 @category constants */
export const vmLatencies: StageLatencies = { app: 15, kernel: 30, block: 70, nvme: 100 }

/**
 * The IO path as a finite free category (acyclic: every path is an arrow).
 *
 * @since 0.1.0
 * @category latency
 */
export const ioPath: FinCat = (() => {
  const free = freeCategory({
    name: "IOPath",
    objects: ["Request", "Syscall", "BlockIO", "Device", "Done"],
    arrows: [
      { name: "app", dom: "Request", cod: "Syscall" },
      { name: "kernel", dom: "Syscall", cod: "BlockIO" },
      { name: "block", dom: "BlockIO", cod: "Device" },
      { name: "nvme", dom: "Device", cod: "Done" },
    ],
  })
  return free.finite as FinCat
})()

/**
 * The latency functor of a table: a path's latency is the sum of its stages'.
 *
 * @example
 * import { latencyFunctor, containerLatencies, ioPath } from "catcluster/domain/storage"
 * const L = latencyFunctor("L_c", containerLatencies)
 * L.onArrows(ioPath.arrowOf(["app", "kernel", "block", "nvme"])) // 165
 *
 * @since 0.1.0
 * @category latency
 */
export const latencyFunctor = (name: string, table: StageLatencies): Functor<number, number, Point, number> => ({
  name,
  source: ioPath,
  target: Durations,
  onObjects: () => "•",
  onArrows: (f) => ioPath.pathOf(f).reduce((s, stage) => s + table[stage as IoStage], 0),
})

/**
 * The latency of the whole path Request → Done.
 *
 * @since 0.1.0
 * @category latency
 */
export const totalLatency = (table: StageLatencies): number => latencyFunctor("L", table).onArrows(ioPath.arrowOf([...ioStages]))
