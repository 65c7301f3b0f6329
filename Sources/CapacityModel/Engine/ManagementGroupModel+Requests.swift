import Stochastics

/// Console requests: think → server CPU → database → (server CPU) → response.
extension ManagementGroupModel {
    /// The think time is over: pick a request class by weight and send it to the console's server.
    mutating func issueRequest(console c: Int) {
        let stream = consoleStreams[c]
        let pick = stream.uniform() * config.cumulativeWeights[config.cumulativeWeights.count - 1]
        var k = 0
        while k < config.cumulativeWeights.count - 1 && pick >= config.cumulativeWeights[k] { k += 1 }
        // Read the class in place: a copy of its distributions costs more than the draws.
        let serverDemand = config.requests[k].server.sample(stream)
        consoles[c].requestClass = Int32(k)
        consoles[c].databaseDemand = config.requests[k].visitsDatabase ? config.requests[k].database.sample(stream) : 0
        consoles[c].afterDemand = config.requests[k].returnsToServer ? config.requests[k].serverAfter.sample(stream) : 0
        consoles[c].issuedAt = simulation.now
        consoles[c].phase = .serverBefore
        counts.requestsIssued += 1
        let server = Int(consoles[c].server)
        stations[server].arrive(job: config.id(.console(c)), demand: serverDemand, now: simulation.now)
        stationChanged(server)
    }

    /// A station finished its part of a console's request: send it on or answer it.
    mutating func advanceRequest(console c: Int) {
        let now = simulation.now
        switch consoles[c].phase {
        case .serverBefore where config.requests[Int(consoles[c].requestClass)].visitsDatabase:
            consoles[c].phase = .database
            stations[databaseStation].arrive(job: config.id(.console(c)), demand: consoles[c].databaseDemand, now: now)
            stationChanged(databaseStation)
        case .serverBefore, .database:
            if config.requests[Int(consoles[c].requestClass)].returnsToServer {
                consoles[c].phase = .serverAfter
                let server = Int(consoles[c].server)
                stations[server].arrive(job: config.id(.console(c)), demand: consoles[c].afterDemand, now: now)
                stationChanged(server)
            } else {
                answer(console: c)
            }
        case .serverAfter:
            answer(console: c)
        case .free, .thinking, .reconnecting:
            assertionFailure("station finished work for a console that had none in flight")
        }
    }

    /// The response reaches the console (after the network round trip); record it, trigger
    /// workflows for saves, and think again or leave.
    mutating func answer(console c: Int) {
        let latency = simulation.now - consoles[c].issuedAt + config.networkLatency
        let server = Int(consoles[c].server)
        counts.requestsCompleted += 1
        recorder.requestCompleted(server: server, requestClass: Int(consoles[c].requestClass), latency: latency)
        let perRequest = config.requests[Int(consoles[c].requestClass)].workflowsPerRequest
        if perRequest > 0 {
            let whole = perRequest.rounded(.down)
            let extra = consoleStreams[c].uniform() < perRequest - whole ? 1 : 0
            triggerWorkflows(Int(whole) + extra, at: simulation.now)
        }
        consoles[c].phase = .thinking
        if simulation.now >= consoles[c].sessionEnd {
            leave(console: c)
        } else {
            scheduleThink(console: c, extraDelay: config.networkLatency)
        }
    }
}
