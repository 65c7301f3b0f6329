@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import Testing

/// The per-window active-consoles column of `timeseries.csv`: connected consoles that are in
/// an active period (not idle), per server and summed on `all`.
struct ActiveConsolesWindowTests {
    private static func withIdlePeriods() -> Scenario {
        var s = Fixtures.weekday(peak: 90, additional: 3, duration: 2 * 3600)
        s.consoles.activePeriod = try! .lognormal(mean: 600, cv: 1)
        s.consoles.idlePeriod = Fixtures.d(900)
        return s
    }

    private static func serverRows(_ rows: [WindowRow]) -> [WindowRow] {
        rows.filter { $0.kind == .initial || $0.kind == .additional }
    }

    /// With idle periods, active ≤ connected in every window, active > 0 under load, and over
    /// the run clearly fewer than connected (about 600 / (600 + 900) of them); `all` is the
    /// servers' sum; the database has none.
    @Test func activeIsAPartOfConnectedWithIdlePeriods() {
        let model = runChecked(Self.withIdlePeriods())
        let rows = model.recorder.rows
        var active = 0.0, connected = 0.0
        for row in Self.serverRows(rows) {
            #expect(row.activeConsoles >= 0 && row.activeConsoles <= row.consoles + 1e-9,
                    "\(row.station) at \(row.windowStart): active \(row.activeConsoles), connected \(row.consoles)")
            if !row.warmup {
                active += row.activeConsoles
                connected += row.consoles
            }
        }
        #expect(active > 0)
        let fraction = active / connected
        #expect(fraction > 0.2 && fraction < 0.7, "active fraction \(fraction)")
        for all in rows where all.kind == .all {
            let sum = Self.serverRows(rows).filter { $0.windowStart == all.windowStart }.map(\.activeConsoles).reduce(0, +)
            #expect(abs(all.activeConsoles - sum) < 1e-9, "all at \(all.windowStart): \(all.activeConsoles) vs \(sum)")
        }
        #expect(rows.filter { $0.kind == .database }.allSatisfy { $0.activeConsoles.isNaN })
    }

    /// The windows add up to the run's figure: the time average of `all`'s active consoles
    /// over the windows after warm-up is summary.csv's `active_consoles_mean`.
    @Test func windowsAgreeWithTheRunMean() throws {
        let model = runChecked(Self.withIdlePeriods())
        let after = model.recorder.rows.filter { $0.kind == .all && !$0.warmup }
        let span = after.map { $0.windowEnd - $0.windowStart }.reduce(0, +)
        let windowed = after.map { $0.activeConsoles * ($0.windowEnd - $0.windowStart) }.reduce(0, +) / span
        let run = try #require(model.recorder.summary.first { $0.metric == .activeConsolesMean && $0.station == "all" })
        #expect(abs(windowed - run.value) < 1e-6 * max(1, run.value), "windows \(windowed), run \(run.value)")
    }

    /// Without idle periods every connected console is active: the two columns are equal.
    @Test func everyConnectedConsoleIsActiveWithoutIdlePeriods() {
        let model = runChecked(Fixtures.weekday(duration: 1800))
        let rows = Self.serverRows(model.recorder.rows)
        #expect(rows.contains { $0.activeConsoles > 0 })
        for row in rows {
            #expect(abs(row.activeConsoles - row.consoles) < 1e-9, "\(row.station) at \(row.windowStart)")
        }
    }

    /// The column is written in both CSV files, by name.
    @Test func theColumnIsInBothFiles() {
        var s = Fixtures.weekday(duration: 1800)
        s.replications = 2
        let report = RunReport(scenario: s, replications: ScenarioRunner.run(s, replications: 0..<2, threads: 1))
        for text in [report.timeSeriesCSV(), report.meanTimeSeriesCSV()] {
            let lines = text.split(separator: "\n")
            let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let a = header.firstIndex(of: "active_consoles"), c = header.firstIndex(of: "consoles")
            #expect(a != nil && c != nil)
            guard let a, let c else { continue }
            let serverLine = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
                .first { $0[header.firstIndex(of: "kind")!] == "additional" && !$0[c].isEmpty }
            #expect(serverLine.map { Double($0[a]) == Double($0[c]) } == true)
        }
    }
}
