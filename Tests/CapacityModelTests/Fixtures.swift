@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import Stochastics

/// Scenarios built in code, so model tests do not depend on the YAML loader.
enum Fixtures {
    static func d(_ mean: Double) -> Distribution { try! .exponential(mean: mean) }

    /// A small weekday: `peak` consoles, `additional` additional servers.
    static func weekday(peak: Int = 120, additional: Int? = 3, ratio: Int? = nil, duration: Double = 3600) -> Scenario {
        var mg = ManagementGroup()
        mg.additionalServers.count = additional
        mg.additionalServers.consolesPerServer = ratio
        var consoles = Consoles(
            peak: peak, sessionLength: try! .lognormal(mean: 3 * 3600, cv: 0.6), thinkTime: d(30),
            requests: [
                RequestClass(name: "open-view", weight: 0.55, server: try! .gamma(mean: 0.12, cv: 1.2), database: try! .gamma(mean: 0.06, cv: 1)),
                RequestClass(name: "open-form", weight: 0.30, server: d(0.06), database: d(0.03)),
                RequestClass(name: "save", weight: 0.15, server: d(0.15), database: d(0.08), serverAfter: d(0.02), workflowsPerRequest: 3.5),
            ])
        consoles.networkLatency = 0.02
        var workflows = Workflows(job: Workflows.Job(server: d(0.4), database: d(0.15)))
        workflows.recurring = [Workflows.Recurring(name: "group-calculation", every: 30, jobs: 1,
                                                   job: Workflows.Job(server: d(2)))]
        var s = Scenario(name: "fixture", duration: duration, managementGroup: mg, consoles: consoles, workflows: workflows)
        s.window = 300
        s.warmup = 300
        s.replications = 2
        s.seed = 42
        return s
    }
}
