import Statistics
import Stochastics
import XCTest

final class MorrisScreeningTests: XCTestCase {
    /// Sobol's g-function: g(x) = Π (|4xᵢ − 2| + aᵢ) / (1 + aᵢ). The smaller aᵢ, the more
    /// input i matters; a = 99 makes it almost irrelevant. The known ranking follows a.
    static func g(_ x: [Double], _ a: [Double]) -> Double {
        zip(x, a).reduce(1) { $0 * (abs(4 * $1.0 - 2) + $1.1) / (1 + $1.1) }
    }

    func testRanksTheSobolGFunctionsInputsInTheirKnownOrder() {
        let a = [0, 1, 4.5, 9, 99, 99, 99, 99]
        let stream = RandomStream(seed: 11, replication: 0, name: "morris")
        let m = MorrisScreening(inputs: a.count, trajectories: 40, uniform: { stream.uniform() }) { points in
            points.map { Self.g($0, a) }
        }
        let mu = m.effects.map(\.absoluteMean)
        XCTAssertGreaterThan(mu[0], mu[1])
        XCTAssertGreaterThan(mu[1], mu[2])
        XCTAssertGreaterThan(mu[2], mu[3])
        for i in 4..<8 { XCTAssertLessThan(mu[i], mu[3], "input \(i) (a = 99) ranks last") }
        for i in 4..<8 { XCTAssertLessThan(mu[i], 0.1 * mu[0]) }
        XCTAssertEqual(m.points.count, 40 * 9)
        XCTAssertTrue(m.effects.allSatisfy { $0.effects.count == 40 })
    }

    func testEveryStepMovesOneInputByDeltaInsideTheUnitCube() {
        let stream = RandomStream(seed: 3, replication: 0, name: "design")
        let points = MorrisScreening.design(inputs: 5, trajectories: 7, levels: 4, uniform: { stream.uniform() })
        for t in 0..<7 {
            for s in 0..<5 {
                let a = points[t * 6 + s], b = points[t * 6 + s + 1]
                let moved = (0..<5).filter { a[$0] != b[$0] }
                XCTAssertEqual(moved.count, 1)
                XCTAssertEqual(abs(a[moved[0]] - b[moved[0]]), 2.0 / 3.0, accuracy: 1e-12)
            }
            XCTAssertTrue(points[(t * 6)..<(t * 6 + 6)].allSatisfy { $0.allSatisfy { $0 >= 0 && $0 <= 1 } })
        }
    }

    /// A linear function's elementary effects are exactly its coefficients.
    func testLinearFunctionGivesItsCoefficients() {
        let c = [3.0, -2, 0.5]
        let stream = RandomStream(seed: 5, replication: 0, name: "linear")
        let m = MorrisScreening(inputs: 3, trajectories: 6, uniform: { stream.uniform() }) { points in
            points.map { zip($0, c).reduce(0) { $0 + $1.0 * $1.1 } }
        }
        for i in 0..<3 {
            XCTAssertEqual(m.effects[i].mean, c[i], accuracy: 1e-12)
            XCTAssertEqual(m.effects[i].standardDeviation, 0, accuracy: 1e-12)
        }
    }
}
