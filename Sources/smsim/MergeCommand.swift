import ArgumentParser
import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the shards of a sweep (or of check/compare --robust) into one file.",
        discussion: """
        Give the directory the shards were written into (what `smsim sweep --shard i/n \
        --out DIR` wrote DIR/shard-i-of-n/ into): merge finds shard-1-of-n … shard-n-of-n \
        there, names any that are missing, and by default writes DIR/sweep.csv. Arguments \
        may also be shard directories (holding sweep.csv and sweep.json) or sweep.csv files. \
        The rows are put in point order under the common header, giving exactly the file an \
        unsharded sweep writes. Shards written into several directories (one per cluster \
        task, say) merge as one set: give all of them. Refuses shards of different sweeps and, when the manifests \
        give the number of points, an incomplete set (exit 2).

        Examples:
          smsim merge results/grid
          smsim merge results/grid/shard-* --out results/grid
          smsim merge task-1 task-2 task-3 --out results/grid
        """)

    @Argument(help: "The directory holding the shards, or shard directories, or sweep.csv files.")
    var inputs: [String]

    @OptionGroup var output: OutputOptions<Merge>

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give the directory holding the shards, or the shard directories, to merge") }
    }

    func run() throws {
        let out = try output.out ?? defaultDirectory()
        let lock = try lockOutput(out)
        defer { lock.release() }
        if RobustMerge.isRobust(inputs) {
            let result = try planning { try RobustMerge.merge(inputs, into: out) }
            if !output.quiet {
                for line in result.summary.dropFirst() { print(line) }
                print("merged \(result.inputs) shard(s): \(result.worlds) world(s); wrote \(out)/"
                      + (result.files.map(\.name) + ["robust.txt"]).joined(separator: ", "))
            }
            return
        }
        let result = try planning { try SweepMerge.merge(inputs, into: out) }
        if !output.quiet { print("merged \(result.inputs) input(s): \(result.points) point(s); wrote \(out)/sweep.csv") }
    }

    /// The one input, when it is the directory holding the shards.
    func defaultDirectory() throws -> String {
        if inputs.count == 1, try planning({ try SweepMerge.shards(in: inputs[0]) }) != nil { return inputs[0] }
        throw CommandFailure(message: "give --out DIR: it defaults to the input only when that is the one directory holding the shards",
                             status: 2)
    }
}

extension Merge: OutputRole {
    static let defaultDirectory = DefaultDirectory.fromInputs("default: the directory given, when it is the one holding the shards")
}
