import ArgumentParser
import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation
import Report

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write report.html: the answer, the evidence and the assumptions on one page.",
        discussion: """
        Reads the output directory of run, check, compare, sweep, size or sensitivity and \
        writes DIR/report.html: one self-contained file (inline SVG and CSS, no scripts, \
        nothing fetched), so it can be mailed or opened without a network. The first screen \
        is the answer (the objectives' verdicts, the paired differences, or the server count); \
        then every figure with the numbers it draws; then every input with its source \
        (Documentation/Sources.md), the validation suite's result, the run context and the \
        conservation report. It prints one figure per page at most, never split.

        The scenario is read again from the path run.json records (or Scenarios/<name>.yaml, \
        or --scenario) and used only if its content hash matches the run's. The same files \
        give the same bytes. run, check, compare, sweep, size and sensitivity take --report \
        to do this at the end.

        Examples:
          smsim run Scenarios/weekday-40.yaml --replications 4 --out results/w40 --report
          smsim report results/w40
          smsim report results/weekday-50-sweep --scenario Scenarios/weekday-50.yaml
          smsim size Scenarios/weekday-50.yaml --consoles 600 --down 1 --report
        """)

    @Argument(help: "The output directory of run, check, compare, sweep, size or sensitivity.")
    var directory: String

    @Option(help: "The scenario file, when the directory does not name a readable one.")
    var scenario: String?

    @Option(help: "The table of sources of the defaults.")
    var sources = "Documentation/Sources.md"

    @Option(help: "Run-length factor of the validation suite run for the report (1: a few seconds in release).")
    var validationScale: Double = 1

    @Flag(help: "Do not run the validation suite; the report says it was not run.")
    var noValidation = false

    func validate() throws {
        guard validationScale > 0, validationScale <= 100 else {
            throw ValidationError("--validation-scale must be in (0, 100], got \(validationScale)")
        }
    }

    func run() throws {
        let options = ReportOptions(directory: directory, scenarioPath: scenario, sourcesPath: sources,
                                    validationScale: noValidation ? nil : validationScale)
        do {
            print("wrote \(try ReportBuilder.write(options))")
        } catch let e as ReportBuilder.NothingToReport {
            throw CommandFailure(message: e.description, status: 2)
        }
    }
}

/// `--report` for the commands that simulate: write report.html at the end.
struct ReportFlag: ParsableArguments {
    @Flag(help: "Also write report.html into the output directory (see smsim help report).")
    var report = false

    @Option(help: "Run-length factor of the validation suite the report runs (1: a few seconds in release; 0: skip it).")
    var reportValidationScale: Double = 1

    func validate() throws {
        guard reportValidationScale >= 0, reportValidationScale <= 100 else {
            throw ValidationError("--report-validation-scale must be in [0, 100], got \(reportValidationScale)")
        }
    }

    func write(_ directory: String, scenario: String, quiet: Bool) throws {
        guard report else { return }
        let path = try ReportBuilder.write(ReportOptions(directory: directory, scenarioPath: scenario,
                                                         validationScale: reportValidationScale > 0 ? reportValidationScale : nil))
        if !quiet { print("wrote \(path)") }
    }
}

/// One JSON object on one line, keys sorted, ending in a newline (as `--json` prints it).
func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
}
