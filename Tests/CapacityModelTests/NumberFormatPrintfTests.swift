import Foundation
import Testing
@testable import ScenarioSpec

/// `NumberFormat.printf` replaced Foundation's `String(format:)` on the CSV path for speed;
/// every file smsim writes must keep its bytes, so the two must agree on every value.
@Suite struct NumberFormatPrintfTests {
    static let specs = ["%.6g", "%.4g", "%.3g", "%.3f", "%.0f", "%.1e", "%.2f", "%.5f"]

    @Test func agreesWithFoundationOnAwkwardValues() {
        let values: [Double] = [0, -0.0, 1, -1, 0.5, 0.05, 0.0005, 1e-7, 123_456.5, 999_999.5, 1e15, -2.5e-300,
                                .pi, 1 / 3, 2.675, 1e300, .greatestFiniteMagnitude, .leastNonzeroMagnitude]
        for spec in Self.specs {
            for x in values {
                #expect(NumberFormat.printf(spec, x) == String(format: spec, x), "\(spec) of \(x)")
            }
        }
    }

    @Test func agreesWithFoundationOnManyRandomValues() {
        var generator = TypeperfLogGenerator.Random(state: 20261203)
        for _ in 0..<5_000 {
            let x = Double.random(in: -1...1, using: &generator) * pow(10, Double(Int.random(in: -12...18, using: &generator)))
            for spec in Self.specs {
                #expect(NumberFormat.printf(spec, x) == String(format: spec, x), "\(spec) of \(x)")
            }
        }
    }

    /// `sixSignificant` stands for `%.6g` where it answers, and answers for all but exact ties
    /// in its range; `appendCSV` writes the bytes of `NumberFormat.csv`.
    @Test func sixSignificantAgreesWithPrintf() {
        var generator = TypeperfLogGenerator.Random(state: 20261204)
        var inRange = 0, answered = 0
        var values: [Double] = [0.5, 1.5, 2.5, 0.1, 0.3, 2.675, 1.234565, 1.2345650000000001, 79.0 / 64, 999_999.5,
                                999_999.4, 9_999_995, 0.000_099_999_95, 0.000_1, 1e-5, 123_456.5, 1e15 - 0.5, 1e15 + 0.5,
                                1e21, 1e100, .pi, -.pi, 1 / 3, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1e-310]
        for _ in 0..<100_000 {
            let scale = pow(10, Double(Int.random(in: -12...22, using: &generator)))
            values.append(Double.random(in: -1...1, using: &generator) * scale)
            // Few digits, as counts per second and fractions often are, and their ties.
            values.append(Double(Int.random(in: -9_999_999...9_999_999, using: &generator)) / scale)
            values.append((Double(Int.random(in: 0...999_999, using: &generator)) + 0.5) / 1_000_000)
            values.append(Double(Int.random(in: 1...1_000_000, using: &generator)) / 1024)
        }
        for x in values where x.isFinite && x != 0 {
            let fast = NumberFormat.sixSignificant(x)
            if x.magnitude >= 1e-5 && x.magnitude < 1e15 { inRange += 1 }
            if fast != nil { answered += 1 }
            #expect(fast == nil || fast == NumberFormat.printf("%.6g", x), "\(x)")
            var bytes: [UInt8] = []
            NumberFormat.appendCSV(x, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == NumberFormat.csv(x), "\(x)")
        }
        #expect(answered > inRange * 95 / 100)
    }

    @Test func longFixedTextIsWhole() {
        // 1e300 with %f is 301 digits: more than the stack buffer holds.
        #expect(NumberFormat.printf("%.0f", 1e300).count == 301)
        #expect(NumberFormat.printf("%.0f", 1e300) == String(format: "%.0f", 1e300))
    }
}
