import Stochastics

/// Workflows: triggered jobs wait for a subscription poll, then run with bounded
/// concurrency on the workflow server's CPU and the database. Recurring engine work
/// (group calculation, connector syncs) skips the poll.
extension ManagementGroupModel {
    /// An engine thread and the job it runs.
    struct WorkflowSlot {
        var busy = false
        var triggeredAt = 0.0
        var template: Int32 = 0
        var inDatabase = false
        var databaseDemand = 0.0
        var inStorage = false
        var storageDemand = 0.0
    }

    /// A job triggered or queued, not yet running.
    struct PendingJob {
        var triggeredAt: Double
        var template: Int32
    }

    /// Jobs waiting for a poll, queued for a thread, or running.
    var workflowBacklog: Int {
        triggered.count + ruleState.waitingCount + ready.count + (config.workflowConcurrency - freeSlots.count)
    }

    /// Whether a server holds the workflow role and is up.
    var workflowServerUp: Bool { workflowServer >= 0 && serverUp[Int(workflowServer)] }

    /// Saves or a burst trigger `n` subscription jobs; they wait for the next poll.
    mutating func triggerWorkflows(_ n: Int, at time: Double) {
        guard n > 0 else { return }
        if config.rules > 0 {
            triggerRuleJobs(n, at: time)
        } else {
            for _ in 0..<n { triggered.append(PendingJob(triggeredAt: time, template: 0)) }
        }
        counts.workflowsTriggered += n
        recorder.backlogChanged(workflowBacklog, at: time)
    }

    /// A subscription poll: take up to a batch of triggered jobs (only if the workflow server runs).
    mutating func poll() {
        simulation.schedule(.poll, at: simulation.now + config.pollInterval, class: .service)
        guard workflowServerUp else { return }
        var taken = 0
        while taken < config.jobsPerPoll, let job = triggered.popFirst() {
            ready.append(job)
            taken += 1
        }
        dispatchWorkflows()
    }

    /// Recurring engine work is due: queue its jobs for an engine thread (no poll) and book the
    /// next run. While no server holds the workflow role the run is skipped, not queued: a
    /// scheduled rule has no watermark, and the next schedule after a promotion does the work.
    mutating func runRecurring(_ r: Int) {
        let spec = config.recurring[r]
        let next = simulation.now + spec.every
        if next < config.duration { simulation.schedule(.recurring(index: Int32(r)), at: next, class: .service) }
        guard workflowServerUp else { return }
        for _ in 0..<spec.jobs { ready.append(PendingJob(triggeredAt: simulation.now, template: Int32(r + 1))) }
        counts.workflowsTriggered += spec.jobs
        recorder.backlogChanged(workflowBacklog, at: simulation.now)
        dispatchWorkflows()
    }

    /// A scheduled burst of triggered jobs (a bulk update, an import).
    mutating func runBurst(_ b: Int) {
        recorder.burstArrived(backlog: workflowBacklog, at: simulation.now)
        triggerWorkflows(config.bursts[b].jobs, at: simulation.now)
    }

    /// Starts ready jobs on free engine threads of the workflow server.
    mutating func dispatchWorkflows() {
        guard workflowServerUp else { return }
        let server = Int(workflowServer)
        var started = false
        while !ready.isEmpty, let slot = freeSlots.popLast() {
            let job = ready.popFirst().unsafelyUnwrapped
            let spec = config.jobs[Int(job.template)]
            let s = Int(slot)
            slots[s] = WorkflowSlot(busy: true, triggeredAt: job.triggeredAt, template: job.template, inDatabase: false,
                                    databaseDemand: spec.database?.sample(workflowStream) ?? 0)
            let serverDemand = spec.server.sample(workflowStream)
            let storageMean = config.jobStorageMeans[Int(job.template)]
            if storageMean > 0 { slots[s].storageDemand = workflowStream.exponential(mean: storageMean) }
            stations[server].arrive(job: config.id(.workflow(slot: s)), demand: serverDemand, now: simulation.now)
            started = true
        }
        if started { stationChanged(server) }
    }

    /// A station finished its part of a workflow job.
    mutating func advanceWorkflowJob(slot s: Int) {
        let now = simulation.now
        if !slots[s].inDatabase && config.jobs[Int(slots[s].template)].database != nil {
            slots[s].inDatabase = true
            stations[databaseStation].arrive(job: config.id(.workflow(slot: s)), demand: slots[s].databaseDemand, now: now)
            stationChanged(databaseStation)
            return
        }
        if !slots[s].inStorage && slots[s].storageDemand > 0 {
            slots[s].inDatabase = true
            slots[s].inStorage = true
            stations[storageStation].arrive(job: config.id(.workflow(slot: s)), demand: slots[s].storageDemand, now: now)
            stationChanged(storageStation)
            return
        }
        recorder.workflowCompleted(lag: now - slots[s].triggeredAt)
        counts.workflowsCompleted += 1
        slots[s].busy = false
        freeSlots.append(Int32(s))
        dispatchWorkflows()
        recorder.backlogChanged(workflowBacklog, at: now)
    }
}
