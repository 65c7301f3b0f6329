import Statistics
import Stochastics
import XCTest

final class NonNegativeLeastSquaresTests: XCTestCase {
    /// Through the origin, one column: β = Σxy/Σx², SE = √(RSS/(n−1)/Σx²), by hand.
    func testOneColumnMatchesTheTextbookFormulas() {
        let x = [1.0, 2, 3, 4, 5], y = [2.1, 3.9, 6.2, 7.8, 10.1]
        let fit = NonNegativeLeastSquares(rows: x.map { [$0] }, y: y)
        let sxx = x.reduce(0) { $0 + $1 * $1 }
        let beta = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } / sxx
        let rss = zip(x, y).reduce(0) { $0 + ($1.1 - beta * $1.0) * ($1.1 - beta * $1.0) }
        XCTAssertEqual(fit.coefficients[0], beta, accuracy: 1e-12)
        XCTAssertEqual(fit.standardErrors[0], (rss / 4 / sxx).squareRoot(), accuracy: 1e-12)
        // t_{0.975, 4} = 2.776445
        XCTAssertEqual(fit.halfWidths[0], 2.776445 * (rss / 4 / sxx).squareRoot(), accuracy: 1e-5)
        XCTAssertEqual(fit.degreesOfFreedom, 4)
        XCTAssertFalse(fit.atBound[0])
    }

    /// A column whose unconstrained coefficient is negative is held at zero, and the rest is
    /// the ordinary fit without it.
    func testNegativeCoefficientIsHeldAtZero() {
        let rows: [[Double]] = [[1, 0, 1], [1, 1, 0], [1, 2, 3], [1, 3, 1], [1, 4, 5], [1, 5, 2]]
        // y = 1 + 2·x1 − 0.5·x2 exactly: the constrained optimum drops x2.
        let y = rows.map { 1 + 2 * $0[1] - 0.5 * $0[2] }
        let fit = NonNegativeLeastSquares(rows: rows, y: y)
        XCTAssertTrue(fit.atBound[2])
        XCTAssertEqual(fit.coefficients[2], 0)
        XCTAssertTrue(fit.coefficients.allSatisfy { $0 >= 0 })
        // Ordinary fit of y on (1, x1) by normal equations.
        let x1 = rows.map { $0[1] }
        let n = Double(rows.count), mx = x1.reduce(0, +) / n, my = y.reduce(0, +) / n
        let slope = zip(x1, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / x1.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        XCTAssertEqual(fit.coefficients[1], slope, accuracy: 1e-9)
        XCTAssertEqual(fit.coefficients[0], my - slope * mx, accuracy: 1e-9)
        XCTAssertTrue(fit.halfWidths[2].isFinite, "a bound coefficient still reports how firmly it is held")
    }

    /// Over many noisy data sets the 95 % intervals cover the true demands about 95 % of the time.
    func testIntervalsCoverTheTruthAtTheirLevel() throws {
        let truth = [0.3, 0.8, 0.05]
        var covered = [0, 0, 0]
        let trials = 400
        for trial in 0..<trials {
            let stream = RandomStream(seed: 7, replication: trial, name: "nnls")
            var rows: [[Double]] = [], y: [Double] = []
            for _ in 0..<40 {
                let row = [1.0, 10 * stream.uniform(), 20 * stream.uniform()]
                rows.append(row)
                y.append(zip(row, truth).reduce(0) { $0 + $1.0 * $1.1 } + 0.2 * (stream.uniform() - 0.5))
            }
            let fit = NonNegativeLeastSquares(rows: rows, y: y)
            for j in 0..<3 where abs(fit.coefficients[j] - truth[j]) <= fit.halfWidths[j] { covered[j] += 1 }
        }
        for j in 0..<3 {
            let rate = Double(covered[j]) / Double(trials)
            XCTAssert(rate > 0.91 && rate < 0.99, "coefficient \(j) covered \(rate)")
        }
    }

    func testRSquaredIsOneForAnExactFitAndNaNForAConstantResponse() {
        let rows: [[Double]] = [[1, 1], [1, 2], [1, 3]]
        XCTAssertEqual(NonNegativeLeastSquares(rows: rows, y: [3, 5, 7]).rSquared, 1, accuracy: 1e-12)
        XCTAssertTrue(NonNegativeLeastSquares(rows: rows, y: [2, 2, 2]).rSquared.isNaN)
    }
}
