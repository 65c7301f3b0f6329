import Testing
import QueueingTheory
import Validation

@Suite struct ValidationSuiteTests {
    static let cases: [ValidationSuite.Case] = {
        do { return try ValidationSuite.standardCases(scale: 0.05) } catch { fatalError("\(error)") }
    }()

    static func name(_ c: ValidationSuite.Case) -> String {
        switch c {
        case let .mmc(name, _, _), let .closed(name, _, _): return name
        }
    }

    @Test func standardCasesShape() throws {
        #expect(Self.cases.count == 8)
        let mmc = Self.cases.filter { if case .mmc = $0 { true } else { false } }
        #expect(mmc.count == 6)
        // Run lengths: at least 10 000, otherwise the full length times the scale.
        guard case let .mmc(_, _, customers) = Self.cases[0] else { Issue.record("first case is not M/M/c"); return }
        #expect(customers == 50_000)
        guard case let .closed(_, network, cycles) = Self.cases[7] else { Issue.record("last case is not closed"); return }
        #expect(cycles == 20_000)
        #expect(network.stations.map(\.servers) == [4, 2])
        let tiny = try ValidationSuite.standardCases(scale: 0.0001)
        for c in tiny {
            switch c {
            case let .mmc(_, _, n), let .closed(_, _, n): #expect(n == 10_000)
            }
        }
    }

    /// Every row of every standard case passes at scale 0.05 with seed 1.
    @Test(arguments: cases.indices)
    func standardCasePassesWithSeed1(index: Int) {
        let testCase = Self.cases[index]
        let rows = ValidationSuite.run(testCase, seed: 1)
        switch testCase {
        case .mmc: #expect(rows.count == 3)
        case let .closed(_, network, _): #expect(rows.count == 2 + 2 * network.stations.count)
        }
        for row in rows {
            #expect(row.caseName == Self.name(testCase))
            #expect(row.simulated.isFinite && row.halfWidth.isFinite && row.halfWidth > 0, "\(row.caseName) \(row.metric)")
            #expect(row.passed, "\(row.caseName) \(row.metric): \(row.simulated) ± \(row.halfWidth) vs \(row.exact)")
        }
    }

    @Test func standardSuiteHasThirtyRows() {
        // 6 M/M/c cases × 3 metrics + 2 closed cases × (2 + 2 stations × 2).
        let expected = Self.cases.reduce(0) { total, c in
            switch c {
            case .mmc: return total + 3
            case let .closed(_, network, _): return total + 2 + 2 * network.stations.count
            }
        }
        #expect(expected == 30)
    }

    @Test func comparisonVerdict() {
        // Within the half-width.
        #expect(Comparison(caseName: "c", metric: "m", simulated: 1.05, halfWidth: 0.06, exact: 1).passed)
        // Outside the half-width but within 1 % of the exact value.
        #expect(Comparison(caseName: "c", metric: "m", simulated: 100.9, halfWidth: 0.1, exact: 100).passed)
        // Outside both.
        #expect(!Comparison(caseName: "c", metric: "m", simulated: 1.05, halfWidth: 0.04, exact: 1).passed)
        #expect(!Comparison(caseName: "c", metric: "m", simulated: 98.9, halfWidth: 0.5, exact: 100).passed)
        // A missing half-width falls back to the 1 % rule.
        #expect(Comparison(caseName: "c", metric: "m", simulated: 1.005, halfWidth: .nan, exact: 1).passed)
        #expect(!Comparison(caseName: "c", metric: "m", simulated: 1.02, halfWidth: .nan, exact: 1).passed)
        // A NaN estimate never passes.
        #expect(!Comparison(caseName: "c", metric: "m", simulated: .nan, halfWidth: 1, exact: 1).passed)
    }
}
