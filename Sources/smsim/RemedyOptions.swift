import ArgumentParser
import ScenarioSpec
import RunOutput
import Planning

/// `--remedies` / `--no-remedies`, one meaning in run, check and compare: whether the
/// bottleneck's remedies are tested by quick runs once the station is named.
struct RemedyOptions: ParsableArguments {
    @Flag(name: .customLong("remedies"), inversion: .prefixedNo,
          help: "Test the bottleneck's remedies with quick runs (default: when they would take under a minute or so, by the work estimate).")
    var asked: Bool?

    /// Estimated seconds of remedy runs above which they are skipped unless --remedies asks.
    static let budget = 60.0

    /// Names the bottleneck of a run and, unless skipped, tests its remedies with quick runs
    /// (the run's seed, `Bottleneck.quickReplications`): nil when nothing was measured.
    func bottleneck(_ report: RunReport, scenario: Scenario, options: SimulationOptions) throws -> BottleneckFile? {
        guard let b = Bottleneck(report, scenario: scenario) else { return nil }
        let remedies = b.remedies(of: scenario)
        let quick = Bottleneck.quickReplications(scenario)
        let seconds = remedies.reduce(0) { $0 + $1.scenario.workEstimate.secondsPerReplication }
            * Double(quick) / Double(max(1, min(options.threads, quick)))
        var skipped: String?
        if remedies.isEmpty {
            skipped = "the model has no remedy to test for this station"
        } else if asked == false {
            skipped = "skipped (--no-remedies)"
        } else if asked == nil && seconds > Self.budget {
            skipped = "skipped: the quick runs would take about \(NumberFormat.table(seconds)) s by the work estimate; pass --remedies to run them"
        }
        let simulator = Simulator(options, precision: nil, console: Console(quiet: true))
        let outcomes = skipped == nil ? try b.test(remedies) { try simulator.simulate($0, label: "remedy") } : []
        return BottleneckFile(b, scenario: scenario, outcomes: outcomes, skipped: skipped)
    }
}

/// `bottleneck: …`, then each remedy's effect, or why none was run; `at` names the
/// configuration when a command prints several (`at 50/server`).
func printBottleneck(_ file: BottleneckFile, at: String? = nil) {
    let which = at.map { " " + $0 } ?? ""
    print("bottleneck\(which): " + file.headline)
    if let skipped = file.remediesSkipped {
        print("remedies\(which): \(skipped)")
    } else {
        print("remedies\(which), each a quick run (\(file.remedyReplications) replication(s), seed \(file.seed)):")
        for r in file.remedies { print("  " + r.sentence) }
    }
}
