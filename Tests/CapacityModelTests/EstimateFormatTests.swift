import Testing
@testable import ScenarioSpec
@testable import RunOutput

/// The one rule for an estimate with its interval, and the terminal's table renderer.
@Suite struct EstimateFormatTests {
    @Test func halfWidthDecidesTheDigits() {
        #expect(NumberFormat.estimate(38.22, 1.065) == "38.2 ± 1.1")
        #expect(NumberFormat.estimate(0.3001, 0.01048) == "0.300 ± 0.010")
        #expect(NumberFormat.estimate(0.008192, 0.73) == "0.01 ± 0.73")
        // Rounding the half-width may carry into a new digit: 0.0996 is 0.10, not 0.100.
        #expect(NumberFormat.estimate(1.234, 0.0996) == "1.23 ± 0.10")
    }

    @Test func tinyAndHugeValues() {
        #expect(NumberFormat.estimate(1.234e-7, 5.6e-9) == "1.234e-07 ± 5.6e-09")
        #expect(NumberFormat.estimate(0.01638, 3e-9) == "0.01638 ± 3.0e-09")
        #expect(NumberFormat.estimate(1.2345678e10, 4.5e7) == "1.2346e+10 ± 4.5e+07")
        #expect(NumberFormat.estimate(123_456, 1234) == "123500 ± 1200")
    }

    @Test func negativeValuesAndSigns() {
        #expect(NumberFormat.estimate(-0.5, 0.03) == "-0.500 ± 0.030")
        #expect(NumberFormat.estimate(-0.001, 0.73) == "0.00 ± 0.73")
        #expect(NumberFormat.estimate(0.01638, 0.0021, signed: true) == "+0.0164 ± 0.0021")
        #expect(NumberFormat.estimate(-589.8, 2.9e-6) == "-589.8 ± 2.9e-06")
    }

    @Test func zeroOnlyWhenExact() {
        #expect(NumberFormat.estimate(2.5, 0) == "2.500 ± 0")
        #expect(NumberFormat.estimate(2.5, 0, plain: .report) == "2.5 ± 0")
        #expect(NumberFormat.estimate(2.5, .nan) == "2.500")
        // Floating-point noise around a shared value is exact; anything larger never prints as zero.
        #expect(NumberFormat.estimate(-589.8, 2.9e-12) == "-589.8 ± 0")
        for h in [1e-6, 3e-5, 4.9e-4, 0.0004, 0.04] {
            #expect(!NumberFormat.estimate(589.8, h).hasSuffix("± 0"), "half-width \(h)")
            #expect(!NumberFormat.report.halfWidth(h, of: 589.8).allSatisfy { $0 == "0" || $0 == "." })
        }
    }

    @Test func intervalsThatSettleAQuestion() {
        #expect(NumberFormat.excludesZero(0.5, 0.1))
        #expect(!NumberFormat.excludesZero(0.008192, 0.73))
        #expect(!NumberFormat.excludesZero(0.5, .nan))
    }

    /// Column starts of a rendered table: every cell of a column starts where its header does.
    static func assertAligned(_ table: TextTable, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = table.lines
        var start = table.indent.count
        for (c, width) in table.widths.enumerated() {
            for (l, row) in ([table.headers] + table.rows).enumerated() where c + 1 < row.count && !row[c + 1].isEmpty {
                let line = Array(lines[l])
                #expect(line.count > start + width, "line \(l) too short", sourceLocation: sourceLocation)
                guard line.count > start + width else { continue }
                #expect(line[start + width - 1] == " ", "line \(l): column \(c) runs into the next", sourceLocation: sourceLocation)
                #expect(String(line[(start + width)...]).hasPrefix(row[c + 1]), "line \(l): column \(c + 1) out of line",
                        sourceLocation: sourceLocation)
            }
            start += width
        }
    }

    @Test func wideValuesPushTheWholeColumn() {
        var table = TextTable(["station", "utilization", "p95 (ms)"], minimumWidths: [10, 14])
        table.add(["MS01", "0.300 ± 0.010", "812"])
        table.add(["MS02-WITH-A-VERY-LONG-NAME", "38.2 ± 1.1", "n/a"])
        table.add(["SQL", "0.41 ± 0.28"])
        Self.assertAligned(table)
        #expect(table.widths == [27, 14])
        #expect(table.lines[1] == "MS01                       0.300 ± 0.010 812")
        #expect(table.lines.allSatisfy { !$0.hasSuffix(" ") })
    }

    @Test func cellsThatFitKeepTheMinimumWidths() {
        var table = TextTable(["a", "b", "c"], minimumWidths: [6, 6], indent: "  ")
        table.add(["x", "μ* ± 95 %", "σ"])
        #expect(table.lines == ["  a     b         c", "  x     μ* ± 95 % σ"])
        Self.assertAligned(table)
    }
}
