import Stochastics

/// Console requests: a class picked by weight after the think time, sent along the request
/// route (`+RequestRoute`), answered back to the console.
extension ManagementGroupModel {
    /// The think time is over: pick a request class by weight and send it to the console's server.
    mutating func issueRequest(console c: Int) {
        send(requestClass: config.requestMix.index(forUniform: consoleSources[c].uniform()), console: c)
    }

    /// Draws the demands of one request of class `k` and sends it to the console's server.
    mutating func send(requestClass k: Int, console c: Int) {
        consoles[c].request = config.drawRequest(route: k, stream: consoleSources[c], at: simulation.now)
        consoles[c].phase = .serverBefore
        counts.requestsIssued += 1
        route(job: config.id(.console(c)), to: .serverBefore, demand: consoles[c].request.serverDemand,
              server: Int(consoles[c].server))
    }

    /// A station finished its part of a console's request: send it on or answer it.
    mutating func advanceRequest(console c: Int) {
        if let (phase, demand) = config.nextStep(of: consoles[c].request, after: consoles[c].phase) {
            consoles[c].phase = phase
            route(job: config.id(.console(c)), to: phase, demand: demand, server: Int(consoles[c].server))
        } else {
            answer(console: c)
        }
    }

    /// The response reaches the console (after the network round trips); record it, trigger
    /// workflows for saves, and think again, go back to idle, or leave.
    mutating func answer(console c: Int) {
        let request = consoles[c].request
        let k = Int(request.route)
        let network = config.routes[k].networkDelay
        let latency = simulation.now - request.issuedAt + network
        let server = Int(consoles[c].server)
        counts.requestsCompleted += 1
        if k == config.logonClass {
            recorder.logonCompleted(server: server, requestClass: k, latency: latency)
        } else if consoles[c].background {
            recorder.backgroundRequestCompleted()
        } else {
            recorder.requestCompleted(server: server, requestClass: k, latency: latency)
            recorder.requestBreakdown(latency: latency, server: request.serverDemand + request.afterDemand,
                                      database: request.databaseDemand, storage: request.storageDemand,
                                      network: network)
        }
        triggerWorkflows(perRequest: config.routes[k].workflowsPerRequest, stream: consoleSources[c])
        if simulation.now >= consoles[c].sessionEnd {
            consoles[c].phase = .thinking
            consoles[c].background = false
            leave(console: c)
        } else if consoles[c].background {
            consoles[c].background = false
            consoles[c].phase = .idle
            scheduleIdleStep(console: c, extraDelay: network)
        } else {
            consoles[c].phase = .thinking
            resumeActivity(console: c, extraDelay: network)
        }
    }
}
