import ArgumentParser
import CapacityModel
import Foundation

/// The smsim command: configuration and the list of subcommands only.
struct Smsim: ParsableCommand {
    static let version = smsimVersion

    static let configuration = CommandConfiguration(
        commandName: "smsim",
        abstract: "Discrete-event capacity simulator for System Center Service Manager management groups.",
        discussion: """
        smsim simulates console sessions, management servers, workflows and the shared \
        Service Manager database, and proves its engine against queueing theory.

        Examples:
          smsim run Scenarios/weekday-50.yaml          # CSVs in results/weekday-50/
          smsim compare Scenarios/weekday-40.yaml --ratios 40,50
          smsim size Scenarios/weekday-50.yaml --consoles 600 --down 1
          smsim check Scenarios/weekday-40.yaml --junit slo.xml
          smsim validate                               # against queueing theory
          gnuplot -e "dir='results/weekday-50'" plots.gnuplot
        """,
        version: version,
        subcommands: [Run.self, Check.self, Compare.self, SweepCommand.self, Merge.self, Size.self, Validate.self, Calibrate.self, Sensitivity.self, Lint.self]
    )
}

/// Entry point: bad input of any kind exits with status 2 and one line on stderr.
@main
enum Main {
    static func main() {
        StopSignals.install()
        do {
            var command = try Smsim.parseAsRoot()
            try command.run()
        } catch let error as CommandFailure {
            printError(error.located ? error.message : "smsim: \(error.message)")
            exit(error.status)
        } catch {
            let code = Smsim.exitCode(for: error)
            if code == .validationFailure {
                let message = Smsim.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid input"
                printError("smsim: error: \(message) (see smsim help)")
                exit(2)
            }
            Smsim.exit(withError: error)
        }
    }
}

/// A failure with a chosen exit status: 1 a check failed, 2 bad input, 3 an internal inconsistency.
struct CommandFailure: Error {
    var message: String
    var status: Int32
    /// The message starts with `FILE:LINE:COL:` and is printed as is, for editors and CI.
    var located = false
}

/// Writes one line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
