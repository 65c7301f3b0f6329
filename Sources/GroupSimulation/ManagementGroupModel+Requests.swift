import Stochastics

/// Console requests: think → server CPU → database CPU → storage (buffer-pool misses) →
/// (server CPU) → response after `roundTrips` network round trips.
extension ManagementGroupModel {
    /// The think time is over: pick a request class by weight and send it to the console's server.
    mutating func issueRequest(console c: Int) {
        send(requestClass: config.requestMix.index(forUniform: consoleStreams[c].uniform()), console: c)
    }

    /// Draws the demands of one request of class `k` and sends it to the console's server.
    /// The storage draw is made only when the class reads pages that can miss, so scenarios
    /// without an I/O model draw exactly the numbers they always did.
    mutating func send(requestClass k: Int, console c: Int) {
        let stream = consoleStreams[c]
        // Read the class in place: a copy of its distributions costs more than the draws.
        let serverDemand = config.requests[k].server.sample(stream)
        consoles[c].requestClass = Int32(k)
        consoles[c].serverDemand = serverDemand
        consoles[c].databaseDemand = config.requests[k].visitsDatabase ? config.requests[k].database.sample(stream) : 0
        consoles[c].afterDemand = config.requests[k].returnsToServer ? config.requests[k].serverAfter.sample(stream) : 0
        let storageMean = config.requests[k].storageMean
        consoles[c].storageDemand = storageMean > 0 ? stream.exponential(mean: storageMean) : 0
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
            if consoles[c].storageDemand > 0 {
                consoles[c].phase = .storage
                stations[storageStation].arrive(job: config.id(.console(c)), demand: consoles[c].storageDemand, now: now)
                stationChanged(storageStation)
            } else {
                finishOnServer(console: c)
            }
        case .storage:
            finishOnServer(console: c)
        case .serverAfter:
            answer(console: c)
        case .free, .thinking, .reconnecting, .idle:
            assertionFailure("station finished work for a console that had none in flight")
        }
    }

    /// The database part is done: the server builds the result, or the answer goes back.
    mutating func finishOnServer(console c: Int) {
        if config.requests[Int(consoles[c].requestClass)].returnsToServer {
            consoles[c].phase = .serverAfter
            let server = Int(consoles[c].server)
            stations[server].arrive(job: config.id(.console(c)), demand: consoles[c].afterDemand, now: simulation.now)
            stationChanged(server)
        } else {
            answer(console: c)
        }
    }

    /// The response reaches the console (after the network round trips); record it, trigger
    /// workflows for saves, and think again, go back to idle, or leave.
    mutating func answer(console c: Int) {
        let k = Int(consoles[c].requestClass)
        let network = config.requests[k].networkDelay
        let perRequest = config.requests[k].workflowsPerRequest
        let latency = simulation.now - consoles[c].issuedAt + network
        let server = Int(consoles[c].server)
        counts.requestsCompleted += 1
        if k == config.logonClass {
            recorder.logonCompleted(server: server, requestClass: k, latency: latency)
        } else if consoles[c].background {
            recorder.backgroundRequestCompleted()
        } else {
            recorder.requestCompleted(server: server, requestClass: k, latency: latency)
            recorder.requestBreakdown(latency: latency, server: consoles[c].serverDemand + consoles[c].afterDemand,
                                      database: consoles[c].databaseDemand, storage: consoles[c].storageDemand,
                                      network: network)
        }
        if perRequest > 0 {
            let whole = perRequest.rounded(.down)
            let extra = consoleStreams[c].uniform() < perRequest - whole ? 1 : 0
            triggerWorkflows(Int(whole) + extra, at: simulation.now)
        }
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
