import ArgumentParser
import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import DeploymentPlan
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
        // One subcommand a line, each in its own file.
        subcommands: [
            Run.self,
            Check.self,
            Compare.self,
            SweepCommand.self,
            Merge.self,
            Size.self,
            PlanCommand.self,
            Validate.self,
            Calibrate.self,
            Sensitivity.self,
            Lint.self,
            ReportCommand.self,
        ]
    )
}
