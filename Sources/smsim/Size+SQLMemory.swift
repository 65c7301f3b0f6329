import ArgumentParser
import Foundation
import Planning
import RunOutput
import ScenarioSpec

/// `smsim size --sql-memory`: the least SQL Server memory that meets the objectives
/// (`SQLMemorySearch`), printed as a table and written to sql-memory.csv.
extension Size {
    func runSQLMemory(sizes: [Double]) throws {
        let (scenario, _) = try input.load(options, precision: precision)
        var slo = scenario.slo
        if let sloP95 { slo.p95Latency = DurationArgument.seconds(sloP95) }
        if let maxUtilization { slo.maxUtilization = maxUtilization }
        let search = try planning { try SQLMemorySearch(scenario: scenario, candidates: sizes, slo: slo) }
        let console = output.console(json: false)
        let footprint = scenario.managementGroup.database.footprint
        if console.printsText {
            let replications = precision.precision == nil ? "\(scenario.replications)" : "\(scenario.replications) or more (--precision)"
            print("sizing SQL memory for \(scenario.name) (database \(Self.gib(footprint.pages)) GiB, hot \(Self.gib(footprint.hotPages)) GiB; "
                  + "\(scenario.consoles.peak) consoles, \(scenario.layout.servers.count) server(s)), \(replications) replications per size:")
        }
        let dir = output.directory(for: scenario)!
        let lock = try lockOutput(dir)
        defer { lock.release() }
        let simulator = Simulator(options, precision: precision, console: console)
        let result: SQLMemorySearch.Result
        do {
            result = try planning {
                try search.run(simulate: { variant in
                    try simulator.simulate(variant, label: "\(NumberFormat.literal(variant.managementGroup.database.memory ?? 0)) GiB")
                }, log: { e in
                    if console.printsText { print("  \(pad("\(NumberFormat.literal(e.memory)) GiB:", 10))\(Self.memoryEvidence(e))") }
                })
            }
        } catch let none as SQLMemorySearch.Unattainable {
            try AtomicFile.write(SQLMemorySearch.csv(none.evaluations, scenario: scenario), to: "\(dir)/sql-memory.csv")
            if console.printsText { Self.memoryTable(none.evaluations).print() }
            throw CommandFailure(message: none.message, status: 1)
        }
        try AtomicFile.write(SQLMemorySearch.csv(result.evaluations, scenario: scenario), to: "\(dir)/sql-memory.csv")
        guard console.printsText else { return }
        print("\(scenario.name): \(NumberFormat.literal(result.memory)) GiB of SQL memory")
        print("  objectives: " + Self.objectives(slo))
        if let below = result.below {
            print("  at \(NumberFormat.literal(below.memory)) GiB: \(Self.memoryEvidence(below))")
        } else {
            print("  \(NumberFormat.literal(result.memory)) GiB is the smallest size listed")
        }
        Self.memoryTable(result.evaluations).print()
        print("wrote \(dir)/sql-memory.csv")
    }

    static func gib(_ pages: Double) -> String { NumberFormat.table(pages * 8192 / 1_073_741_824) }

    /// Every simulated size, smallest first: hit ratio, p95 latency, busiest storage window, verdict.
    static func memoryTable(_ evaluations: [Evaluation]) -> TextTable {
        var table = TextTable(["SQL memory (GiB)", "hit ratio", "p95 latency (s)", "peak storage", "objectives"],
                              minimumWidths: [16, 9, 18, 14], indent: "  ")
        for e in evaluations.sorted(by: { $0.memory < $1.memory }) {
            table.add([NumberFormat.literal(e.memory), NumberFormat.table(e.hitRatio), latency(e), storage(e), verdict(e)])
        }
        return table
    }

    static func latency(_ e: Evaluation) -> String {
        e.report.estimate(.latencyP95)?.text(scale: Objective.p95Latency.limitUnit.scale) ?? "n/a"
    }

    static func storage(_ e: Evaluation) -> String {
        e.report.estimate(.storageUtilizationPeak, station: e.scenario.managementGroup.database.name)?.text() ?? "n/a"
    }

    static func verdict(_ e: Evaluation) -> String {
        e.holds ? "all PASS" : e.verdicts.filter { $0.verdict != .pass }.map { "\($0.name) \($0.verdict.rawValue)" }.joined(separator: ", ")
    }

    /// `hit ratio 0.93, p95 latency 3.1 ± 0.1 s, peak storage 0.45 ± 0.02: all PASS`.
    static func memoryEvidence(_ e: Evaluation) -> String {
        "hit ratio \(NumberFormat.table(e.hitRatio)), p95 latency \(latency(e)) s, peak storage \(storage(e)): \(verdict(e))"
    }
}
