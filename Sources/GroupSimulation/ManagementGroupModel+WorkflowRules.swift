import SimulationKernel
import Stochastics

/// Workflow rules as Service Manager has them: every notification subscription and workflow
/// is a rule whose data source polls the database for changes on its own interval and takes
/// up to its batch of what it finds (B-WFDELAY; S-WFAUTH: `PollingIntervalInSeconds` 60,
/// `BatchSize` 100). A saved work item triggers a few of the group's rules (S-HWPERF: 3–4),
/// so its jobs wait for those rules' polls. Each poll costs the database a query
/// (`workflows.pollQuery`), even when it finds nothing; a rule whose previous query is still
/// running skips its poll, as a data source does not run two at once.
///
/// Used when the scenario gives `workflows.rules`; without it the old shared poll
/// (`+Workflows.swift`, `poll()`) runs.
struct WorkflowRuleState {
    /// Per rule, the jobs triggered for it and not yet taken by one of its polls.
    var waiting: ContiguousArray<RingBuffer<ManagementGroupModel.PendingJob>> = []
    /// Per rule, where its poll query is: 0 not running, 1 in the database's CPU, 2 in storage.
    var query: ContiguousArray<UInt8> = []
    /// Jobs waiting in all rules together.
    var waitingCount = 0
    /// Which rules a work item's jobs go to: a random first rule, then the following ones.
    var stream: RandomStream?

    init(rules: Int, stream: RandomStream?) {
        // One buffer each (not copies of one), so no rule's first job copies storage mid-run.
        waiting = ContiguousArray((0..<rules).map { _ in RingBuffer(capacity: 64) })
        query = ContiguousArray(repeating: 0, count: rules)
        self.stream = stream
    }
}

extension ManagementGroupModel {
    /// Books every rule's first poll, staggered evenly over the poll interval (rule r at
    /// (r + 1) / rules of it: the phases of real rules are unknown, an assumption).
    mutating func startWorkflowRules() {
        let n = config.rules
        for r in 0..<n {
            simulation.schedule(.rulePoll(rule: Int32(r)), at: config.pollInterval * Double(r + 1) / Double(n), class: .service)
        }
    }

    /// `n` jobs triggered at `time`, one to each of `n` rules in turn from a random rule
    /// (rules repeat when `n` is above their number).
    mutating func triggerRuleJobs(_ n: Int, at time: Double) {
        let count = config.rules
        var r = ruleState.stream.unsafelyUnwrapped.index(below: count)
        for _ in 0..<n {
            ruleState.waiting[r].append(PendingJob(triggeredAt: time, template: 0))
            r = r + 1 == count ? 0 : r + 1
        }
        ruleState.waitingCount += n
    }

    /// Rule `r` polls: its query goes to the database (or, without a query cost, it takes
    /// its batch at once). Only while a server holds the workflow role and is up.
    mutating func rulePoll(_ r: Int) {
        let next = simulation.now + config.pollInterval
        if next < config.duration { simulation.schedule(.rulePoll(rule: Int32(r)), at: next, class: .service) }
        guard workflowServerUp, ruleState.query[r] == 0 else { return }
        guard let query = config.pollQuery else {
            takeRuleBatch(r)
            return
        }
        ruleState.query[r] = 1
        stations[databaseStation].arrive(job: config.id(.pollQuery(rule: r)), demand: query.sample(workflowStream),
                                         now: simulation.now)
        stationChanged(databaseStation)
    }

    /// A station finished its part of rule `r`'s poll query: storage next, if it reads
    /// pages that miss, then the batch is taken.
    mutating func advancePollQuery(_ r: Int) {
        if ruleState.query[r] == 1 && config.pollQueryStorageMean > 0 {
            ruleState.query[r] = 2
            stations[storageStation].arrive(job: config.id(.pollQuery(rule: r)),
                                            demand: workflowStream.exponential(mean: config.pollQueryStorageMean), now: simulation.now)
            stationChanged(storageStation)
            return
        }
        ruleState.query[r] = 0
        if workflowServerUp { takeRuleBatch(r) }
    }

    /// Rule `r` takes up to its batch of its waiting jobs into the engine's queue.
    mutating func takeRuleBatch(_ r: Int) {
        var taken = 0
        while taken < config.jobsPerPoll, let job = ruleState.waiting[r].popFirst() {
            ready.append(job)
            taken += 1
        }
        guard taken > 0 else { return }
        ruleState.waitingCount -= taken
        dispatchWorkflows()
    }
}
