import ArgumentParser
import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation

struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit a scenario's demands to Windows performance counter logs (PDH-CSV).",
        discussion: """
        Reads counter logs collected on the management servers and the SQL server (typeperf \
        -f CSV, relog -f csv, or Performance Monitor's "save as CSV"), joins them on time in \
        windows, and fits the utilization law U(t) = U0 + sum of D_c * X_c(t) by non-negative \
        least squares: server CPU per request and per workflow job on the management servers, \
        database time per request and per workflow job on the SQL server, physical reads per \
        request and per workflow job from the disk reads, the storage read time from seconds \
        per read in lightly loaded windows, the buffer cache hit ratio against the model's, and \
        think time from the interactive response time law. Without a requests counter (a \
        default installation has none), it fits busy cores per connected console from the SDK \
        service's client connections (per host and pooled) and the SQL server's per console and \
        per batch, and scales the base's demands to the pooled figures, keeping its think time, \
        active fraction and request mix (the assumed split, printed). --work-items takes the planner's \
        export of work items per interval (time,count) as the workflow load instead of a \
        workflow jobs counter. Writes into --out: <scenario name>-calibrated.yaml \
        (the base file with every fitted number replaced and a comment above it: estimate, \
        95 % interval, windows, R²), calibration.csv, calibration-fit.csv and, when gnuplot is \
        installed, calibration-fit.png (observed vs fitted per window) and \
        calibration-residuals.png. Warns (does not fail) when the data cannot identify a demand.
        Which host is which station and which counter is what comes from --map (defaults: \
        `smsim calibrate --print-map`). Documentation/Calibration.md says what to collect.
        Exit status: 0 done, 2 bad input (FILE:LINE:COL: error: …; nothing is written).

        Examples:
          typeperf -cf counters.txt -si 60 -sc 1440 -f CSV -o ms02.csv      # on each host, a day
          smsim calibrate ms01.csv ms02.csv ms03.csv sql.csv --base Scenarios/weekday-50.yaml --out results/cal
          smsim calibrate logs/*.csv --base my-group.yaml --map my-hosts.yaml --window 10m --decimal-comma --out cal
          smsim calibrate logs/*.csv --base my-group.yaml --work-items work-items.csv --out cal
          smsim calibrate ru/*.csv --base my-group.yaml --map ru-map.yaml --encoding windows-1251 --utc-offset +03:00 --decimal-comma
          smsim run Scenarios/weekday-50.yaml --replications 1 --perfmon --out /tmp/w50 && \\
            smsim calibrate /tmp/w50/perfmon/*.csv --base Scenarios/weekday-50.yaml --out /tmp/w50-cal
        """)

    @Argument(help: "Counter logs (PDH-CSV), one or more; typically one per host.")
    var counters: [String] = []

    @Option(help: "The scenario to calibrate (YAML): its layout names the stations; its numbers are the starting point.")
    var base: String?

    @Option(help: "Counter map (YAML): hosts → stations, roles → counter paths, requestClasses pooled|per-class.")
    var map: String?

    @Option(help: "Window length for joining and fitting (default: 10m, or the scenario's window if longer), e.g. 10m.")
    var window: String?

    @Option(help: "Work items created or updated per interval (CSV: time,count; UTC start of each interval): drives the workflow load on the initial server instead of a workflow jobs counter.")
    var workItems: String?

    @Flag(help: "Samples use a decimal comma (logs from locales that write 0,5).")
    var decimalComma = false

    @Option(help: "The logs' text encoding: utf-8, utf-16, windows-1251 or windows-1252 (default: detected, with a warning when guessed).")
    var encoding: String?

    @Option(help: "Local time minus UTC for logs whose header has no readable time zone bias, e.g. +03:00 (default: such logs are read as UTC, with a warning).")
    var utcOffset: String?

    @Flag(help: "Print the default counter map and exit.")
    var printMap = false

    @OptionGroup var output: OutputOptions<Calibrate>

    func validate() throws {
        if printMap { return }
        guard base != nil else { throw ValidationError("give the scenario to calibrate with --base SCENARIO") }
        guard !counters.isEmpty else { throw ValidationError("give at least one counter log (PDH-CSV)") }
        if let encoding, CounterLogEncoding(rawValue: encoding.lowercased()) == nil {
            throw ValidationError("--encoding '\(encoding)' is not one of \(CounterLogEncoding.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let utcOffset, PDHCSVLog.parseUTCOffset(utcOffset) == nil {
            throw ValidationError("--utc-offset '\(utcOffset)' is not an offset +HH:MM or -HH:MM within ±14:00")
        }
    }

    func run() throws {
        if printMap {
            print(CounterMap.defaultYAML, terminator: "")
            return
        }
        let (scenario, content) = try ScenarioInput.load(base!, allowLong: false)
        var result: Calibration
        var logs: [PDHCSVLog] = []
        do {
            let counterMap = try map.map { try CounterMap.load(path: $0) } ?? CounterMap()
            let offset = utcOffset.flatMap(PDHCSVLog.parseUTCOffset)
            for path in counters {
                logs.append(try PDHCSVLog.read(path: path, decimalComma: decimalComma,
                                               encoding: encoding.flatMap { CounterLogEncoding(rawValue: $0.lowercased()) },
                                               utcOffsetMinutes: offset))
            }
            try Calibration.checkHosts(logs, map: counterMap, scenario: scenario)
            // 10 minutes: at 5 the window edges (work done in one window, counted as answered
            // in the next) bias the demands low by about 2 %; longer windows leave too few
            // for the database fit (Documentation/Calibration.md, "Window length").
            var length = max(scenario.window, 600)
            if let window {
                guard let seconds = DurationArgument.seconds(window), seconds > 0 else {
                    throw PlanningError("--window '\(window)' is not a positive duration: \(DurationArgument.accepted)")
                }
                length = seconds
            }
            let items = try workItems.map { try WorkItemsLog.read(path: $0) }
            result = Calibration(base: scenario, map: counterMap, windows: try CounterWindows.join(logs, length: length), workItems: items)
            result.warnings = logs.flatMap(\.warnings) + result.warnings
        } catch let error as CounterLogError {
            throw CommandFailure(message: error.description, status: 2)
        } catch let error as PlanningError {
            throw CommandFailure(message: "error: \(error.message)", status: 2)
        }
        let dir = output.directory(for: scenario)!
        let lock = try lockOutput(dir)
        defer { lock.release() }
        let report = CalibrationReport(calibration: result, logs: counters.map { ($0 as NSString).lastPathComponent })
        let yaml = try report.scenarioYAML(base: content)
        // Everything is computed before the first file is written.
        let files = [("\(OutputName.safe(scenario.name))-calibrated.yaml", yaml.text), ("calibration.csv", report.csv()),
                     ("calibration-fit.csv", report.fitCSV()), ("calibration-fit.gnuplot", report.gnuplotScript(dir: dir))]
        for (name, text) in files { try AtomicFile.write(text, to: "\(dir)/\(name)") }
        // Nothing fitted, nothing to draw: gnuplot would fail on an empty plot command.
        let hasRows = report.plotted.contains { !$0.rows.isEmpty }
        let plot = hasRows ? runGnuplot("\(dir)/calibration-fit.gnuplot") : .nothingToDraw
        if !output.quiet { printCalibration(result, missing: yaml.missing, dir: dir, files: files.map(\.0), plot: plot) }
    }

    /// Each fitted parameter: estimate with its interval, the base file's value, windows used, R².
    static func table(_ c: Calibration) -> TextTable {
        let f = NumberFormat.table
        var table = TextTable(["parameter", "estimate ± 95 % CI", "base", "windows", "R²"], minimumWidths: [52, 26, 10, 9])
        for v in c.values { table.add([v.name, f.interval(v.estimate, v.halfWidth), f(v.modelled), String(v.windows), f(v.rSquared)]) }
        return table
    }

    func printCalibration(_ c: Calibration, missing: [String], dir: String, files: [String], plot: GnuplotOutcome) {
        let plotted = plot == .drawn
        let f = NumberFormat.table
        print("\(c.base.name): \(c.windows.count) windows of \(f(c.windows.length)) s from \(counters.count) log(s)")
        Self.table(c).print()
        for (role, e) in c.observed { print("observed \(role): \(f.interval(e.mean, e.halfWidth)) (no model field)") }
        for a in c.assumptions { print("assumed: \(a)") }
        for w in c.warnings { print("warning: \(w)") }
        for m in missing { print("note: \(m) is not written in the base file; the calibrated file leaves it at its default") }
        print("wrote \(dir)/: " + (files + (plotted ? ["calibration-fit.png", "calibration-residuals.png"] : [])).joined(separator: ", "))
        switch plot {
        case .drawn: break
        case .nothingToDraw: print("no plots: nothing was fitted")
        case .notFound: print("gnuplot not found: run `gnuplot \(dir)/calibration-fit.gnuplot` to draw the fit plots")
        case .failed(let status): print("gnuplot failed (exit status \(status)) on \(dir)/calibration-fit.gnuplot: no plots")
        }
    }
}

/// What became of the fit plots: only a missing gnuplot is reported as missing.
enum GnuplotOutcome: Equatable {
    case drawn
    case nothingToDraw
    case notFound
    case failed(Int32)
}

/// Runs gnuplot on a script. `env` exits 127 when it finds no gnuplot on the PATH.
func runGnuplot(_ script: String) -> GnuplotOutcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gnuplot", script]
    process.standardError = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    do {
        try process.run()
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: return .drawn
        case 127: return .notFound
        case let status: return .failed(status)
        }
    } catch {
        return .notFound
    }
}

/// `smsim run --perfmon`: the first replication's counters as PDH-CSV logs, one per host, and
/// its work-items export beside them (outside `perfmon/`, so `perfmon/*.csv` stays logs only).
func writePerfmon(_ report: RunReport, scenario: Scenario, to dir: String) throws -> [String] {
    guard let first = report.replications.first else { return [] }
    let logs = PerfmonWriter.logs(first, scenario: scenario)
    // Host names come from the scenario file: made safe like a scenario's name.
    for (host, text) in logs { try AtomicFile.write(text, to: "\(dir)/perfmon/\(OutputName.safe(host)).csv") }
    try AtomicFile.write(PerfmonWriter.workItems(first, scenario: scenario), to: "\(dir)/work-items.csv")
    return logs.map { "perfmon/\(OutputName.safe($0.host)).csv" } + ["work-items.csv"]
}

extension Calibrate: OutputRole {
    static let defaultDirectory = DefaultDirectory.results(suffix: "-calibration")
}
