import GroupSimulation
import ScenarioSpec
import Statistics

/// The SQL server's memory and disk counters turned into scenario numbers: the storage read
/// time from `Avg. Disk sec/Read` in lightly loaded windows, physical reads per request and
/// per workflow job from `Disk Reads/sec` regressed on the throughputs (a row each in
/// `CalibrationTarget`), and the observed buffer cache hit ratio against the model's.
struct StorageFit {
    /// The name of the disk reads regression (its "busy" column is reads per second).
    static let regressionName = "storage reads"
    /// A window is lightly loaded when its outstanding reads per drive, X·R / drives, are at
    /// most this (then queueing stretches a read by at most about a quarter, and the
    /// correction below removes most of that).
    static let lightLoad = 0.25
    /// Observed and modelled hit ratios closer than this agree whatever the interval says
    /// (the counter is a percentage with limited resolution).
    static let hitRatioTolerance = 0.001

    var regression: UtilizationRegression?
    var values: [Calibration.FittedValue] = []
    var warnings: [String] = []

    /// - Parameters:
    ///   - columns: the database regression's columns (its intercept first).
    ///   - regressors: per window, that regression's row (nil where a throughput is missing).
    ///   - counter: the database host's series for a role, if logged.
    init(base: Scenario, columns: [String], regressors: [[Double]?], counter: (CounterRole) -> [Double]?) {
        let disk = base.managementGroup.database.storage
        let drives = Double(disk.effectiveDevices)
        let hasStorage = base.managementGroup.database.memory != nil
        let config = ModelConfig(scenario: base)
        var readTime: Double?
        if let perRead = counter(.diskSecondsPerRead), let reads = counter(.diskReads) {
            readTime = fitReadTime(base: base, perRead: perRead, reads: reads, drives: drives, hasStorage: hasStorage)
        }
        if let reads = counter(.diskReads), !regressors.isEmpty {
            var rows: [UtilizationRegression.Row] = []
            var saturated = 0
            for (w, x) in regressors.enumerated() {
                guard let x, w < reads.count, reads[w].isFinite else { continue }
                // A saturated array serves what it can, not what was asked of it.
                if let s = readTime, reads[w] * s / drives > UtilizationRegression.saturationLimit { saturated += 1; continue }
                rows.append(.init(host: base.managementGroup.database.name, window: w, busy: reads[w], regressors: x))
            }
            regression = UtilizationRegression(name: Self.regressionName,
                                               columns: ["\(base.managementGroup.database.name) storage background"] + columns.dropFirst(),
                                               intercepts: 1, rows: rows, saturatedWindows: saturated)
            if !hasStorage {
                warnings.append("disk reads logged, but the base scenario has no storage (managementGroup.database.memory not set): "
                                + "physical reads are reported, not written")
            }
        }
        if let ratio = counter(.bufferCacheHitRatio) {
            let observed = Estimate(values: ratio.filter(\.isFinite).map { $0 / 100 })
            values.append(Calibration.FittedValue(
                name: "buffer cache hit ratio", regression: "observed", estimate: observed.mean, halfWidth: observed.halfWidth,
                modelled: config.hitRatio, windows: observed.count, rSquared: .nan, fields: [],
                note: "the model's is Che's approximation from memory, reservedMemory, the database's size (rows and bytesPerRow, or its inventory) and popularity"))
            if observed.count > 0, abs(observed.mean - config.hitRatio) > max(observed.halfWidth, Self.hitRatioTolerance) {
                warnings.append("buffer cache hit ratio: observed \(NumberFormat.message(observed.mean)) ± "
                                + "\(NumberFormat.message(observed.halfWidth)), the model predicts \(NumberFormat.message(config.hitRatio)) "
                                + "from the database's memory, size (rows and bytesPerRow, or its inventory) and popularity: the page reads are fitted to the "
                                + "observed disk reads at this memory, but answers for other memory sizes lean on those fields")
            }
        }
    }

    /// The read time S per window from R = Avg. Disk sec/Read and X = Disk Reads/sec, with
    /// the drives' queueing taken out as the model's storage puts it in (R = S / (1 − U),
    /// U = X·S / drives, so S = R / (1 + X·R / drives)), averaged over the lightly loaded windows.
    private mutating func fitReadTime(base: Scenario, perRead: [Double], reads: [Double], drives: Double, hasStorage: Bool) -> Double? {
        var windows: [(load: Double, s: Double)] = []
        for w in 0..<min(perRead.count, reads.count) where perRead[w].isFinite && perRead[w] > 0 && reads[w].isFinite && reads[w] >= 0 {
            let load = reads[w] * perRead[w] / drives
            windows.append((load, perRead[w] / (1 + load)))
        }
        guard !windows.isEmpty else { return nil }
        var light = windows.filter { $0.load <= Self.lightLoad }
        if light.count < min(5, windows.count) {
            light = Array(windows.sorted { $0.load < $1.load }.prefix(max(min(5, windows.count), windows.count / 4)))
            warnings.append("storage read time: only \(windows.filter { $0.load <= Self.lightLoad }.count) lightly loaded window(s) "
                            + "(≤ \(NumberFormat.message(Self.lightLoad)) outstanding reads per drive); estimated from the "
                            + "\(light.count) least loaded, so it leans on the queueing correction")
        }
        let e = Estimate(values: light.map(\.s))
        let quantity = base.quantity("managementGroup.database.storage.readTime")
        values.append(Calibration.FittedValue(
            name: "storage read time", regression: "Avg. Disk sec/Read, lightly loaded windows", estimate: e.mean,
            halfWidth: e.halfWidth, modelled: base.managementGroup.database.storage.effectiveReadTime, windows: e.count,
            rSquared: .nan, fields: hasStorage && e.mean > 0 ? quantity.map { [($0, e.mean)] } ?? [] : [],
            note: hasStorage ? "S = R / (1 + X·R / drives) per window, drives from the scenario"
                             : "the base scenario has no storage (database.memory not set); not written"))
        return e.mean > 0 ? e.mean : nil
    }
}
