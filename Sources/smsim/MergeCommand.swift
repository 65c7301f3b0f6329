import ArgumentParser
import CapacityModel
import Foundation

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine the shards of a sweep into one sweep.csv.",
        discussion: """
        Each argument is a shard's directory (holding sweep.csv and sweep.json) or a \
        sweep.csv file. The rows are put in point order under the common header, giving \
        exactly the file an unsharded sweep writes. Refuses shards of different sweeps and, \
        when the manifests give the number of points, an incomplete set (exit 2).

        Example:
          smsim merge results/grid/shard-* --out results/grid
        """)

    @Argument(help: "Shard directories or sweep.csv files.")
    var inputs: [String]

    @Option(help: "Directory to write the merged sweep.csv and sweep.json into.")
    var out: String

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give the shard directories to merge") }
    }

    func run() throws {
        let result = try planning { try SweepMerge.merge(inputs, into: out) }
        print("merged \(result.inputs) input(s): \(result.points) point(s); wrote \(out)/sweep.csv")
    }
}
