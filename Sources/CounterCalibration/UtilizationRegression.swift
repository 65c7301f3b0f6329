import ScenarioSpec
import Statistics

/// The utilization law as a regression over windows: the busy cores of a station in window
/// t are U(t) = U₀ + Σ_c D_c·X_c(t), where X_c is the throughput of class c (per second) and
/// D_c its CPU demand (seconds per visit). Fitted with non-negative least squares, each D_c
/// gets a confidence interval; the diagnostics say when the windows cannot identify a demand.
///
/// This is service demand estimation by utilization regression in the line of Rolia and
/// Vetland ("Parameter estimation for performance models of distributed application
/// systems", CASCON 1995) and Zhang, Cherkasova and Smirni ("A regression-based analytic
/// model for dynamic resource provisioning of multi-tier applications", ICAC 2007), as
/// LibReDE (the Library for Resource Demand Estimation, Spinner et al.) implements it among
/// its estimators; see `Documentation/Calibration.md`.
public struct UtilizationRegression: Sendable {
    /// One observation: a station in a window.
    public struct Row: Sendable, Equatable {
        public var host: String
        public var window: Int
        /// Busy cores (utilization × cores).
        public var busy: Double
        public var regressors: [Double]
        public init(host: String, window: Int, busy: Double, regressors: [Double]) {
            self.host = host
            self.window = window
            self.busy = busy
            self.regressors = regressors
        }
    }

    /// What is being fitted: `management servers`, `database`.
    public var name: String
    /// Regressor names, intercepts first (`MS02 background`, `requests`, `workflow jobs`).
    public var columns: [String]
    /// How many of the columns are intercepts (one per host: background load).
    public var intercepts: Int
    public var rows: [Row]
    /// Windows left out because their utilization was above the saturation limit.
    public var saturatedWindows: Int
    public var fit: NonNegativeLeastSquares
    public var warnings: [String]

    /// Windows above this utilization are left out: a saturated station's throughput says
    /// what it managed, not what was asked of it, and the counters clip at 100 %.
    public static let saturationLimit = 0.9

    /// Fits `rows` (already free of saturated windows) and checks what the data can identify.
    public init(name: String, columns: [String], intercepts: Int, rows: [Row], saturatedWindows: Int) {
        self.name = name
        self.columns = columns
        self.intercepts = intercepts
        self.rows = rows
        self.saturatedWindows = saturatedWindows
        fit = NonNegativeLeastSquares(rows: rows.map(\.regressors), y: rows.map(\.busy))
        warnings = Self.diagnose(name: name, columns: columns, intercepts: intercepts, rows: rows,
                                 saturated: saturatedWindows, fit: fit)
    }

    static func diagnose(name: String, columns: [String], intercepts: Int, rows: [Row], saturated: Int,
                         fit: NonNegativeLeastSquares) -> [String] {
        var out: [String] = []
        let p = columns.count
        if saturated > 0 {
            out.append("\(name): \(saturated) window(s) above \(Int(saturationLimit * 100)) % utilization left out (saturated)")
        }
        if rows.count < max(10, 3 * p) {
            out.append("\(name): only \(rows.count) window(s) for \(p) parameter(s); collect longer (a day of 1-minute samples "
                       + "gives 288 five-minute windows per host)")
        }
        let busy = Tally(rows.map(\.busy))
        if rows.count >= 2, busy.standardDeviation < 0.005 * max(busy.mean, 1e-9) + 1e-6 {
            out.append("\(name): utilization never varies, so no demand can be told apart from background load")
        }
        // Columns with each host's mean removed: with an intercept per host, only the
        // variation within a host identifies a demand.
        var hostMeans: [String: [Double]] = [:]
        var hostCounts: [String: Int] = [:]
        for row in rows {
            hostMeans[row.host, default: Array(repeating: 0, count: p)] = zip(hostMeans[row.host] ?? Array(repeating: 0, count: p),
                                                                              row.regressors).map { $0 + $1 }
            hostCounts[row.host, default: 0] += 1
        }
        var columnData: [[Double]] = (0..<p).map { j in
            rows.map { $0.regressors[j] - (intercepts > 0 ? hostMeans[$0.host]![j] / Double(hostCounts[$0.host]!) : 0) }
        }
        for j in intercepts..<p {
            let t = Tally(columnData[j])
            if rows.count >= 2, t.standardDeviation <= 1e-9 * max(abs(t.mean), 1) {
                out.append("\(name): \(columns[j]) never varies: its demand cannot be told apart from background load")
                columnData[j] = []
            }
        }
        for i in intercepts..<p where !columnData[i].isEmpty {
            for j in (i + 1)..<max(i + 1, p) where j < p && !columnData[j].isEmpty {
                let r = correlation(columnData[i], columnData[j])
                if abs(r) > 0.95 {
                    let shown: String = NumberFormat.message(r)
                    let message: String = "\(name): \(columns[i]) and \(columns[j]) rise and fall together (correlation \(shown)): "
                    out.append(message + "their demands cannot be told apart; wide intervals follow")
                }
            }
        }
        for j in intercepts..<p where fit.coefficients[j] > 0 && fit.halfWidths[j] > fit.coefficients[j] {
            out.append("\(name): the demand of \(columns[j]) is not identified (its 95 % interval is wider than the estimate)")
        }
        for j in intercepts..<p where fit.coefficients[j] == 0 && fit.halfWidths[j] > 0 {
            out.append("\(name): the demand of \(columns[j]) came out at zero, where the non-negative fit holds it "
                       + "(± \(NumberFormat.message(fit.halfWidths[j]))): not identified, or truly none")
        }
        if fit.rSquared.isFinite && fit.rSquared < 0.5 {
            out.append("\(name): the fit explains only \(Int((fit.rSquared * 100).rounded())) % of the variation in utilization; "
                       + "some load is not in the counters")
        }
        return out
    }

    static func correlation(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count)
        guard n >= 2 else { return 0 }
        let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for (x, y) in zip(a, b) {
            sab += (x - ma) * (y - mb)
            saa += (x - ma) * (x - ma)
            sbb += (y - mb) * (y - mb)
        }
        return saa > 0 && sbb > 0 ? sab / (saa * sbb).squareRoot() : 0
    }

    /// The estimate of column `name`, if fitted.
    public func coefficient(_ name: String) -> (estimate: Double, halfWidth: Double)? {
        columns.firstIndex(of: name).map { (fit.coefficients[$0], fit.halfWidths[$0]) }
    }
}
