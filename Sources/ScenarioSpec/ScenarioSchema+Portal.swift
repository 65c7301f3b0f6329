import Stochastics

/// The Self-Service Portal (`Portal.swift`): its server, visit rates and request mix. Its
/// request classes and logon have the keys of the consoles' and are documented there.
extension ScenarioSchema {
    static var portal: Section<Portal, Portal> {
        Section(start: Portal(server: "", arrivals: [], thinkTime: .unread, requests: []), fields: [
            Field("server", \.server, .text, .required, range: "a management server's name",
                  doc: "The management server the portal's web parts call."),
            Field("arrivals", \.arrivals, .list(portalStep), .required, range: "non-empty",
                  doc: "Visit rates through the day (repeating every 24 h)."),
            Field("thinkTime", \.thinkTime, .distribution, .required, doc: "Time between an answer and the next click."),
            Field("requestsPerVisit", \.requestsPerVisit, .number, bound: .atLeast(1), default: "3",
                  doc: "Mean requests per visit after the logon (geometric count)."),
            Field("requests", \.requests, .list(documented(requestClass, at: "consoles.requests")), .required,
                  range: "non-empty", doc: "The portal's request classes, keys as for consoles.requests."),
            Field("logon", \.logon, .section(documented(logon, at: "consoles.logon")), default: "none",
                  doc: "The logon of each visit, keys as for consoles.logon."),
            Field("networkLatency", \.networkLatency, .duration, bound: .nonNegative, default: "0",
                  doc: "Round-trip time between the portal and its server, per round trip."),
            Field("maxUsers", \.maxUsers, .integer, bound: .atLeast(1), default: "1000",
                  doc: "Visits in progress at most; more are refused."),
            Field("dedicatedServer", \.dedicatedServer, .boolean, default: "false",
                  doc: "true: the portal's server takes no consoles (out of the load balancer's pool)."),
            Field("serverCores", \.serverCores, .integer, bound: .atLeast(1), default: "the server's own",
                  doc: "Cores of the portal's server (S-SYSREQ: 8 for the portal with a secondary server)."),
        ])
    }

    static var portalStep: Section<Portal.Step, Portal.Step> {
        Section(what: "a step { from: 8h, perHour: 3000 }", start: Portal.Step(from: 0, perHour: 0), fields: [
            Field("from", \.from, .duration, .required, range: "0 ≤ from < 24h", doc: "Start of the step."),
            Field("perHour", \.perHour, .number, .required, bound: .nonNegative, doc: "Visits beginning per hour."),
        ])
    }

    /// The same section, its keys documented under another heading.
    private static func documented<D, V>(_ section: Section<D, V>, at heading: String) -> Section<D, V> {
        var moved = section
        moved.documentedAt = heading
        return moved
    }
}
