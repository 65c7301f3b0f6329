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
        var generator = SplitMix(seed: 20261203)
        for _ in 0..<5_000 {
            let x = Double.random(in: -1...1, using: &generator) * pow(10, Double(Int.random(in: -12...18, using: &generator)))
            for spec in Self.specs {
                #expect(NumberFormat.printf(spec, x) == String(format: spec, x), "\(spec) of \(x)")
            }
        }
    }

    @Test func longFixedTextIsWhole() {
        // 1e300 with %f is 301 digits: more than the stack buffer holds.
        #expect(NumberFormat.printf("%.0f", 1e300).count == 301)
        #expect(NumberFormat.printf("%.0f", 1e300) == String(format: "%.0f", 1e300))
    }
}

/// A seeded generator, so the random values are the same on every run.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
