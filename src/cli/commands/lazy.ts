import type { Command, Help } from "commander"

/**
 * One subcommand as the top-level help shows it, and how to load its module: `usage` is what
 * commander prints after the name (`[options] <node...>`), `readsClusters` says whether it
 * reads a cluster (nodes, pods, the corpus), so the bin gives it a bigger heap.
 *
 * @since 0.1.0
 * @category cli
 */
export interface CommandEntry {
  readonly name: string
  readonly usage: string
  readonly description: string
  readonly readsClusters: boolean
  readonly load: () => Promise<(program: Command) => void>
}

/**
 * Every subcommand, in the order `--help` lists them. Names, usages and descriptions are
 * written out here so that `--help`, `--version` and a typo load no subcommand module (they
 * pull in vega, effect, the scheduler…); test/cli/startup.test.ts checks that they equal what
 * each module registers.
 *
 * @since 0.1.0
 * @category cli
 */
export const commandTable: ReadonlyArray<CommandEntry> = [
  {
    name: "run",
    usage: "[options]",
    description: "run the whole story (decode, laws, schedule, dynamics, model checking, ledger) and write out/",
    readsClusters: true,
    load: async () => (await import("./run.ts")).register,
  },
  {
    name: "check",
    usage: "[options]",
    description: "check the laws on your own manifests and presentations (for CI): exit 0 all hold, 1 a law fails, 2 bad input",
    readsClusters: true,
    load: async () => (await import("./check.ts")).register,
  },
  {
    name: "schedule",
    usage: "[options]",
    description: "schedule Pods, VMIs and VMs onto nodes as kube-scheduler v1.35's default profile does (every plugin, preemption)",
    readsClusters: true,
    load: async () => (await import("./schedule.ts")).register,
  },
  {
    name: "drain",
    usage: "[options] <node...>",
    description: "what kubectl drain NODE… would do: replacements scheduled, VMIs migrated or restarted, what stays pending and why",
    readsClusters: true,
    load: async () => (await import("./drain.ts")).register,
  },
  {
    name: "resilience",
    usage: "[options]",
    description: "N−1: each node and each zone drained or lost alone, what stays pending and why; failure orders model-checked",
    readsClusters: true,
    load: async () => (await import("./resilience.ts")).register,
  },
  {
    name: "capacity",
    usage: "[options]",
    description: "how many more copies of a pod or VM fit, which node fills first, what limits each node (as cluster-capacity)",
    readsClusters: true,
    load: async () => (await import("./capacity.ts")).register,
  },
  {
    name: "quota",
    usage: "[options]",
    description: "ResourceQuota headroom per namespace and which objects admission would reject",
    readsClusters: true,
    load: async () => (await import("./quota.ts")).register,
  },
  {
    name: "simulate",
    usage: "[options]",
    description: "simulate the HPA closed loop for containers or VMs, optionally with a Smith predictor",
    readsClusters: false,
    load: async () => (await import("./simulate.ts")).register,
  },
  {
    name: "hpa",
    usage: "[options]",
    description: "one HorizontalPodAutoscaler sync (Kubernetes v1.35) on a snapshot: proposal and desired replicas",
    readsClusters: false,
    load: async () => (await import("./hpa.ts")).register,
  },
  {
    name: "verify",
    usage: "[options]",
    description: "model-check the seed's verification claims (S15.1–S15.4, S9.4, S13.2): verdicts with traces",
    readsClusters: false,
    load: async () => (await import("./verify.ts")).register,
  },
  {
    name: "ledger",
    usage: "[options]",
    description: "check every claim of the analysis (SPEC S1.1 … S15.7) and print its computed verdict",
    readsClusters: false,
    load: async () => (await import("./ledger.ts")).register,
  },
  {
    name: "diagram",
    usage: "[options] <file>",
    description: "draw a category presentation (YAML/JSON: objects, arrows, equations) as Mermaid, DOT or SVG",
    readsClusters: false,
    load: async () => (await import("./diagram.ts")).register,
  },
  {
    name: "quantity",
    usage: "[options] <quantities...>",
    description: "parse Kubernetes quantities (e.g. 1.5Gi, 250m, 1e3): exact value and canonical form",
    readsClusters: false,
    load: async () => (await import("./quantity.ts")).register,
  },
]

/**
 * The table entry of the subcommand these arguments run (`catcluster NAME …`, or
 * `catcluster help NAME`), if any.
 *
 * @since 0.1.0
 * @category cli
 */
export const commandNamed = (args: ReadonlyArray<string>): CommandEntry | undefined => {
  const name = args[0] === "help" ? args[1] : args[0]
  return commandTable.find((entry) => entry.name === name)
}

/**
 * Registers every subcommand from the table alone, without loading a module: enough for the
 * top-level help, `--version`, and commander's "unknown command … Did you mean …?". The help
 * shows each one's usage as its module would.
 *
 * @since 0.1.0
 * @category cli
 */
export const registerSummaries = (program: Command): void => {
  const usages = new Map(commandTable.map((entry) => [entry.name, entry.usage]))
  program.configureHelp({
    // a method, so that commander's own term (for its `help [command]`) is at hand on the prototype
    subcommandTerm(this: Help, command: Command): string {
      const usage = usages.get(command.name())
      return usage === undefined ? (Object.getPrototypeOf(this) as Help).subcommandTerm.call(this, command) : `${command.name()} ${usage}`
    },
  })
  for (const entry of commandTable) program.command(entry.name).description(entry.description)
}

/**
 * The registrations needed for these arguments: just the named subcommand's module when the
 * first argument (or the one after `help`) names one, otherwise the summaries of all of them.
 *
 * @since 0.1.0
 * @category cli
 */
export const loadCommands = async (args: ReadonlyArray<string>): Promise<ReadonlyArray<(program: Command) => void>> => {
  const named = commandNamed(args)
  return named !== undefined ? [await named.load()] : [registerSummaries]
}
