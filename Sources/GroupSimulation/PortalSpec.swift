import ScenarioSpec
import Stochastics

/// The portal as the event handlers read it (`ManagementGroupModel+Portal.swift`).
struct PortalSpec: Sendable {
    /// Index of the portal's management server.
    let server: Int
    /// Visit-rate steps: start (s into the day) and visits per second.
    let steps: [Consoles.ProfileStep]
    let thinkTime: Distribution
    /// After each request the visit goes on with this probability: 1 − 1 / requests per visit.
    let goOn: Double
    let requests: [ModelConfig.RequestSpec]
    let requestMix: WeightedChoice
    let logon: ModelConfig.RequestSpec?
    let maxUsers: Int

    init(_ portal: Portal, server: Int, storageSecondsPerRead: Double) {
        self.server = server
        steps = portal.arrivals.map { Consoles.ProfileStep(from: $0.from, rate: $0.perHour / 3600) }
        thinkTime = portal.thinkTime
        goOn = 1 - 1 / portal.requestsPerVisit
        func spec(_ r: RequestClass) -> ModelConfig.RequestSpec {
            ModelConfig.RequestSpec(r, storageSecondsPerRead: storageSecondsPerRead, networkLatency: portal.networkLatency)
        }
        requests = portal.requests.map(spec)
        requestMix = WeightedChoice(weights: portal.requests.map(\.weight))
        logon = portal.logon.map { var l = spec($0); l.workflowsPerRequest = 0; return l }
        maxUsers = portal.maxUsers
    }
}
