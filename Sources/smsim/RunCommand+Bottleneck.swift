import ScenarioSpec
import RunOutput
import Planning

extension Run {
    /// Names the run's bottleneck and, unless skipped, tests its remedies with quick runs
    /// (the run's seed, `Bottleneck.quickReplications`): nil when nothing was measured.
    func bottleneckFile(_ report: RunReport, scenario: Scenario) throws -> BottleneckFile? {
        guard let b = Bottleneck(report, scenario: scenario) else { return nil }
        let remedies = b.remedies(of: scenario)
        let seconds = remedies.reduce(0) { $0 + $1.scenario.workEstimate.secondsPerReplication }
            * Double(Bottleneck.quickReplications(scenario)) / Double(max(1, min(options.threads, Bottleneck.quickReplications(scenario))))
        var skipped: String?
        if remedies.isEmpty {
            skipped = "the model has no remedy to test for this station"
        } else if self.remedies == false {
            skipped = "skipped (--no-remedies)"
        } else if self.remedies == nil && seconds > Self.remedyBudget {
            skipped = "skipped: the quick runs would take about \(NumberFormat.table(seconds)) s by the work estimate; pass --remedies to run them"
        }
        let simulator = Simulator(options, precision: nil, console: Console(quiet: true))
        let outcomes = skipped == nil ? try b.test(remedies) { try simulator.simulate($0, label: "remedy") } : []
        return BottleneckFile(b, scenario: scenario, outcomes: outcomes, skipped: skipped)
    }

    /// Estimated seconds of remedy runs above which they are skipped unless --remedies asks.
    static let remedyBudget = 60.0
}

/// `bottleneck: …`, then each remedy's effect, or why none was run.
func printBottleneck(_ file: BottleneckFile) {
    print("bottleneck: " + file.headline)
    if let skipped = file.remediesSkipped {
        print("remedies: \(skipped)")
    } else {
        print("remedies, each a quick run (\(file.remedyReplications) replication(s), seed \(file.seed)):")
        for r in file.remedies { print("  " + r.sentence) }
    }
}
