import ArgumentParser
import Planning

/// `--robust` and its options, shared by `check`, `compare` and `size`: the question asked in
/// many plausible worlds instead of one.
struct RobustOptions: ParsableArguments {
    @Flag(help: ArgumentHelp("Ask in many plausible worlds instead of one: every assumed input varied over its range "
                             + "(smsim lint --assumptions); prints the probability that the answer holds with its Wilson "
                             + "95 % interval and what decides it; writes robust CSV files, robust.gnuplot and robust.txt."))
    var robust = false

    @Option(help: "Worlds sampled with --robust (a Latin hypercube over the ranges).")
    var points = 128

    @Flag(help: "With --robust, simulate every world: no MVA screen.")
    var noScreen = false

    @Option(help: "With --robust, the share of worlds that must hold (check, compare: for exit status 0, not judged on a --shard; size: at the answer).")
    var share = 0.9

    @Option(help: "With --robust, run shard i of n of the worlds (e.g. 2/8) into <out>/shard-i-of-n/, every one simulated; smsim merge <out> joins them.")
    var shard: String?

    func validate() throws {
        if let shard, (try? Shard(parsing: shard)) == nil {
            throw ValidationError("--shard \(shard): write i/n with 1 ≤ i ≤ n, e.g. 2/8")
        }
        guard points >= 2 else { throw ValidationError("--points must be at least 2, got \(points)") }
        guard share > 0, share <= 1 else { throw ValidationError("--share must be in (0, 1], got \(share)") }
    }

    /// The shard asked for (validated), if any.
    var shardValue: Shard? { shard.flatMap { try? Shard(parsing: $0) } }
}

/// `--down` for `check --robust` and `compare --robust` (`size` has its own).
struct RobustDownOption: ParsableArguments {
    @Option(help: "With --robust, additional servers down all day (default: the scenario's failures.down).")
    var down: Int?

    func validate() throws {
        if let down, down < 0 { throw ValidationError("--down must be at least 0, got \(down)") }
    }
}
