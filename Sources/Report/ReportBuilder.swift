import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation

/// Builds report.html from an output directory: finds what wrote it (size, sweep, compare,
/// or a run/check), renders that kind's page and writes it atomically.
public enum ReportBuilder {
    public enum Kind: String, Sendable { case plan, size, sweep, compare, run, sensitivity, robust }

    public struct NothingToReport: Error, CustomStringConvertible {
        public var directory: String
        public var description: String {
            "\(directory) holds no smsim output (plan.json, size.csv, sweep.csv, compare.csv, timeseries-mean.csv, sensitivity.csv or robust.csv); run smsim plan, run, compare, sweep, size, sensitivity or check --robust with --out \(directory) first"
        }
    }

    /// What wrote `directory`, by the file only that command writes.
    public static func kind(of directory: String) -> Kind? {
        let fm = FileManager.default
        if fm.fileExists(atPath: "\(directory)/plan.json") { return .plan }
        if fm.fileExists(atPath: "\(directory)/size.csv") { return .size }
        if fm.fileExists(atPath: "\(directory)/sweep.csv") { return .sweep }
        if fm.fileExists(atPath: "\(directory)/compare.csv") { return .compare }
        if fm.fileExists(atPath: "\(directory)/timeseries-mean.csv") { return .run }
        if fm.fileExists(atPath: "\(directory)/sensitivity.csv") { return .sensitivity }
        if fm.fileExists(atPath: "\(directory)/robust.csv") { return .robust }
        return nil
    }

    /// The page's HTML: a pure function of the directory's files, the scenario file and the
    /// options, so the same inputs give the same bytes.
    public static func html(_ options: ReportOptions) throws -> String {
        let dir = options.directory
        switch kind(of: dir) {
        case .plan: return PlanPage.build(dir, options).html
        case .size: return SizePage.build(CSVTable(path: "\(dir)/size.csv")!, options).html
        case .sweep: return SweepPage.build(CSVTable(path: "\(dir)/sweep.csv")!, options).html
        case .compare: return ComparePage.build(CSVTable(path: "\(dir)/compare.csv")!, options).html
        case .run:
            let run = RunOutput(directory: dir)!
            let context = scenario(options, named: run.scenarioPathInManifest, hash: run.manifest["scenarioHash"] as? String, scenarioName: run.scenarioName)
            return RunPage.build(run, context, options).html
        case .sensitivity: return Sensitivity.page(CSVTable(path: "\(dir)/sensitivity.csv")!, options).html
        case .robust: return RobustPage.build(CSVTable(path: "\(dir)/robust.csv")!, dir, options).html
        case nil: throw NothingToReport(directory: dir)
        }
    }

    /// Writes `<directory>/report.html` (to a temporary file, then renamed) and returns its path.
    @discardableResult
    public static func write(_ options: ReportOptions) throws -> String {
        let path = "\(options.directory)/report.html"
        try AtomicFile.write(try html(options), to: path)
        return path
    }

    /// The scenario behind the output: `--scenario` when given, else the path the run
    /// recorded, else `Scenarios/<name>.yaml` (the name as its safe file name, so a hostile
    /// name reads nothing outside `Scenarios/`); used only if its hash matches the recorded one.
    static func scenario(_ options: ReportOptions, named recorded: String?, hash: String?, scenarioName: String?) -> ScenarioContext {
        if let given = options.scenarioPath { return ScenarioContext(path: given, expectedHash: hash) }
        if let recorded, FileManager.default.fileExists(atPath: recorded) { return ScenarioContext(path: recorded, expectedHash: hash) }
        if let scenarioName {
            let guess = "Scenarios/\(OutputName.safe(scenarioName)).yaml"
            if FileManager.default.fileExists(atPath: guess) {
                let c = ScenarioContext(path: guess, expectedHash: hash)
                if c.scenario != nil { return c }
            }
        }
        return ScenarioContext(path: recorded, expectedHash: hash)
    }
}
