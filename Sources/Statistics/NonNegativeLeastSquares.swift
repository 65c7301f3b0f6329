import CGSL

/// Least squares with every coefficient constrained to be non-negative, with a confidence
/// interval per coefficient: the estimator behind `smsim calibrate`'s utilization regression.
///
/// The solver is Lawson and Hanson's active-set method (*Solving Least Squares Problems*,
/// 1974, chapter 23): columns enter the "passive" (free) set one at a time, by the largest
/// gradient of the residual sum of squares; each trial solution is an ordinary least-squares
/// fit on the passive columns (GSL's `gsl_multifit_linear`, an SVD solve); a trial
/// coefficient that goes negative is stopped at zero and its column leaves the set. It ends
/// with the non-negative solution, whose free coefficients are an ordinary fit on their
/// columns: their standard errors come from that fit's covariance, σ²(XᵀX)⁻¹ with
/// σ² = RSS/(n − p_free), and the 95 % interval is ± t_{n − p_free} · SE. A coefficient held at
/// zero is reported as 0 with the half-width the unconstrained fit of all columns gives it,
/// so a reader can see how firmly the data put it there.
public struct NonNegativeLeastSquares: Sendable, Equatable {
    public var coefficients: [Double]
    /// Standard error per coefficient (NaN when the data leave no degrees of freedom).
    public var standardErrors: [Double]
    /// 95 % half-width per coefficient.
    public var halfWidths: [Double]
    /// Whether the constraint holds the coefficient at zero.
    public var atBound: [Bool]
    public var fitted: [Double]
    public var residuals: [Double]
    /// 1 − RSS/TSS around the mean of y (NaN when y never varies).
    public var rSquared: Double
    public var observations: Int
    /// n − (free coefficients).
    public var degreesOfFreedom: Int

    /// Fits y ≈ X·β, β ≥ 0. `rows` holds the design matrix row by row, every row as long.
    public init(rows: [[Double]], y: [Double], level: Double = 0.95) {
        precondition(rows.count == y.count, "one response per row")
        let n = rows.count
        let p = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == p }, "every row needs the same number of columns")
        observations = n
        var x = [Double](repeating: 0, count: p)
        var passive = [Bool](repeating: false, count: p)
        let tolerance = 1e-10 * max(1, y.reduce(0) { max($0, abs($1)) })

        func residual(_ beta: [Double]) -> [Double] {
            (0..<n).map { i in y[i] - zip(rows[i], beta).reduce(0) { $0 + $1.0 * $1.1 } }
        }
        func gradient(_ r: [Double]) -> [Double] {
            (0..<p).map { j in (0..<n).reduce(0) { $0 + rows[$1][j] * r[$1] } }
        }

        var iterations = 0
        outer: while iterations < 3 * p + 10 {
            iterations += 1
            let w = gradient(residual(x))
            var best = -1
            var bestValue = tolerance
            for j in 0..<p where !passive[j] && w[j] > bestValue {
                best = j
                bestValue = w[j]
            }
            guard best >= 0 else { break }
            passive[best] = true
            while true {
                let columns = (0..<p).filter { passive[$0] }
                guard let trial = Self.ordinaryFit(rows: rows, y: y, columns: columns) else {
                    passive[best] = false
                    break outer
                }
                var s = [Double](repeating: 0, count: p)
                for (k, j) in columns.enumerated() { s[j] = trial.coefficients[k] }
                if columns.allSatisfy({ s[$0] > 0 }) {
                    x = s
                    break
                }
                // Step from x towards s until the first free coefficient reaches zero.
                var alpha = 1.0
                for j in columns where s[j] <= 0 {
                    let step = x[j] / (x[j] - s[j])
                    if step < alpha { alpha = step }
                }
                for j in 0..<p { x[j] += alpha * (s[j] - x[j]) }
                for j in columns where x[j] <= tolerance {
                    x[j] = 0
                    passive[j] = false
                }
            }
        }

        let free = (0..<p).filter { passive[$0] }
        coefficients = x
        atBound = passive.map { !$0 }
        residuals = residual(x)
        fitted = zip(y, residuals).map { $0 - $1 }
        degreesOfFreedom = n - free.count
        let meanY = y.isEmpty ? 0 : y.reduce(0, +) / Double(n)
        let tss = y.reduce(0) { $0 + ($1 - meanY) * ($1 - meanY) }
        let rss = residuals.reduce(0) { $0 + $1 * $1 }
        rSquared = tss > 0 ? 1 - rss / tss : .nan

        standardErrors = [Double](repeating: .nan, count: p)
        halfWidths = [Double](repeating: .nan, count: p)
        if let fit = Self.ordinaryFit(rows: rows, y: y, columns: free), fit.degreesOfFreedom > 0 {
            let t = gsl_cdf_tdist_Pinv((1 + level) / 2, Double(fit.degreesOfFreedom))
            for (k, j) in free.enumerated() {
                standardErrors[j] = fit.standardErrors[k]
                halfWidths[j] = t * fit.standardErrors[k]
            }
        }
        if free.count < p, let all = Self.ordinaryFit(rows: rows, y: y, columns: Array(0..<p)), all.degreesOfFreedom > 0 {
            let t = gsl_cdf_tdist_Pinv((1 + level) / 2, Double(all.degreesOfFreedom))
            for j in 0..<p where !passive[j] {
                standardErrors[j] = all.standardErrors[j]
                halfWidths[j] = t * all.standardErrors[j]
            }
        }
    }

    /// An unconstrained least-squares fit on some columns.
    struct OrdinaryFit {
        var coefficients: [Double]
        var standardErrors: [Double]
        var degreesOfFreedom: Int
    }

    /// Ordinary least squares of y on `columns` of `rows` by GSL's SVD solver; nil without
    /// at least as many rows as columns.
    static func ordinaryFit(rows: [[Double]], y: [Double], columns: [Int]) -> OrdinaryFit? {
        let n = rows.count, p = columns.count
        guard p > 0, n >= p else { return nil }
        let matrix = gsl_matrix_alloc(n, p)!, response = gsl_vector_alloc(n)!
        let c = gsl_vector_alloc(p)!, covariance = gsl_matrix_alloc(p, p)!
        let work = gsl_multifit_linear_alloc(n, p)!
        defer {
            gsl_matrix_free(matrix)
            gsl_vector_free(response)
            gsl_vector_free(c)
            gsl_matrix_free(covariance)
            gsl_multifit_linear_free(work)
        }
        for i in 0..<n {
            gsl_vector_set(response, i, y[i])
            for (k, j) in columns.enumerated() { gsl_matrix_set(matrix, i, k, rows[i][j]) }
        }
        var chisq = 0.0
        guard gsl_multifit_linear(matrix, response, c, covariance, &chisq, work) == 0 else { return nil }
        let dof = n - p
        // GSL's covariance is already σ²(XᵀX)⁻¹ with σ² = χ²/(n − p) (checked against the
        // textbook formulas in the tests); with no degrees of freedom left there is no σ².
        return OrdinaryFit(coefficients: (0..<p).map { gsl_vector_get(c, $0) },
                           standardErrors: (0..<p).map { dof > 0 ? gsl_matrix_get(covariance, $0, $0).squareRoot() : .nan },
                           degreesOfFreedom: dof)
    }
}
