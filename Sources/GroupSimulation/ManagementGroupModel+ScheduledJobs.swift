import ScenarioSpec
import SimulationKernel
import Stochastics

/// Scheduled jobs: connectors, grooming and data warehouse jobs. Each processes its objects
/// one after another (a connector inserts sequentially, S-PERF): an object takes CPU on the
/// server holding the workflow role (jobs that run there), then database time, then storage
/// time for the buffer pool's misses on its page reads, and the next object starts when it is
/// done. Runs fall due on the job's own clock; a run that falls due
/// while the previous one is still going, or while no server holds the workflow role, is
/// skipped (the next schedule does the work). An object interrupted by the loss of the
/// workflow server starts again on the next one.
extension ManagementGroupModel {
    /// Where a scheduled job's current object is.
    enum ScheduledPhase: UInt8 {
        /// No run in progress.
        case idle
        case server, database, storage
        /// A run is in progress but its next object waits for a workflow server.
        case waiting
    }

    /// The state of one scheduled job.
    struct ScheduledJobState {
        var phase = ScheduledPhase.idle
        /// Objects of the current run not yet finished, including the one in progress.
        var remaining = 0
        var runStart = 0.0
        var runObjects = 0
        var runIsInitial = false
        var databaseDemand = 0.0
        var storageDemand = 0.0
    }

    /// Books every scheduled job's initial sync and first regular run.
    mutating func scheduleScheduledJobs() {
        for (j, spec) in config.scheduledJobs.enumerated() {
            if spec.initialObjects > 0 && spec.initialAt < config.duration {
                simulation.schedule(.initialSync(job: Int32(j)), at: spec.initialAt, class: .service)
            }
            if spec.objects > 0 && spec.offset < config.duration {
                simulation.schedule(.scheduledRun(job: Int32(j)), at: spec.offset, class: .service)
            }
        }
    }

    /// A regular run of job `j` is due: start it (unless skipped) and book the next one.
    mutating func runScheduledJob(_ j: Int) {
        let spec = config.scheduledJobs[j]
        let next = simulation.now + spec.every
        if next < config.duration { simulation.schedule(.scheduledRun(job: Int32(j)), at: next, class: .service) }
        beginRun(j, objects: spec.objects, initial: false)
    }

    /// Job `j`'s initial full synchronisation is due.
    mutating func runInitialSync(_ j: Int) {
        beginRun(j, objects: config.scheduledJobs[j].initialObjects, initial: true)
    }

    /// Starts a run of `objects` objects, or counts it as skipped when the previous run is still
    /// going or the job's server (the workflow server) is not there.
    mutating func beginRun(_ j: Int, objects: Int, initial: Bool) {
        let spec = config.scheduledJobs[j]
        if scheduledJobs[j].phase != .idle || (spec.onWorkflowServer && !workflowServerUp) {
            counts.scheduledWork?.runsSkipped += 1
            recorder.scheduledRunSkipped(j)
            return
        }
        scheduledJobs[j] = ScheduledJobState(phase: .waiting, remaining: objects, runStart: simulation.now,
                                             runObjects: objects, runIsInitial: initial)
        counts.scheduledWork?.objectsQueued += objects
        startNextObject(j)
    }

    /// Starts job `j`'s next object where it begins (the workflow server or the database), waits
    /// for a workflow server, or finishes the run.
    mutating func startNextObject(_ j: Int) {
        let now = simulation.now
        guard scheduledJobs[j].remaining > 0 else {
            let s = scheduledJobs[j]
            scheduledJobs[j].phase = .idle
            recorder.scheduledRunFinished(j, seconds: now - s.runStart, initial: s.runIsInitial)
            return
        }
        let spec = config.scheduledJobs[j]
        let stream = scheduledStreams[j]
        scheduledJobs[j].databaseDemand = spec.usesDatabase ? spec.database.sample(stream) : 0
        scheduledJobs[j].storageDemand = spec.storageMean > 0 ? stream.exponential(mean: spec.storageMean) : 0
        if spec.usesServer {
            guard workflowServerUp else {
                scheduledJobs[j].phase = .waiting
                return
            }
            let server = Int(workflowServer)
            scheduledJobs[j].phase = .server
            stations[server].arrive(job: config.id(.scheduled(job: j)), demand: spec.server.sample(stream), now: now)
            stationChanged(server)
        } else {
            scheduledJobs[j].phase = .database
            stations[databaseStation].arrive(job: config.id(.scheduled(job: j)), demand: scheduledJobs[j].databaseDemand,
                                             now: now)
            stationChanged(databaseStation)
        }
    }

    /// A station finished its part of job `j`'s current object.
    mutating func advanceScheduledJob(_ j: Int) {
        let phase = scheduledJobs[j].phase
        if phase == .server && config.scheduledJobs[j].usesDatabase {
            scheduledJobs[j].phase = .database
            stations[databaseStation].arrive(job: config.id(.scheduled(job: j)), demand: scheduledJobs[j].databaseDemand,
                                             now: simulation.now)
            stationChanged(databaseStation)
            return
        }
        if phase != .storage && scheduledJobs[j].storageDemand > 0 {
            scheduledJobs[j].phase = .storage
            stations[storageStation].arrive(job: config.id(.scheduled(job: j)), demand: scheduledJobs[j].storageDemand,
                                            now: simulation.now)
            stationChanged(storageStation)
            return
        }
        scheduledJobs[j].remaining -= 1
        counts.scheduledWork?.objectsCompleted += 1
        startNextObject(j)
    }

    /// Job `j`'s object on the workflow server's CPU was taken away (the server failed or the
    /// role moved): the object starts again once a server holds the role.
    mutating func interruptScheduledJob(_ j: Int) {
        scheduledJobs[j].phase = .waiting
    }

    /// Takes every scheduled object off server `s`'s CPU (the workflow role is moving away).
    mutating func interruptScheduledJobs(onServer s: Int) {
        for j in scheduledJobs.indices where scheduledJobs[j].phase == .server {
            _ = stations[s].remove(job: config.id(.scheduled(job: j)), now: simulation.now)
            interruptScheduledJob(j)
        }
    }

    /// A server holds the workflow role again: waiting objects start there.
    mutating func resumeScheduledJobs() {
        for j in scheduledJobs.indices where scheduledJobs[j].phase == .waiting {
            startNextObject(j)
        }
    }

    /// Objects queued in runs that have not finished.
    var scheduledObjectsPending: Int { scheduledJobs.reduce(0) { $0 + $1.remaining } }
}

extension ModelConfig {
    /// A scheduled job as the handlers read it: optional costs flattened into flags, and no name
    /// (the names are in `scheduledJobNames`).
    struct ScheduledJobSpec: Sendable {
        var onWorkflowServer: Bool
        var every: Double
        var offset: Double
        var objects: Int
        var server: Distribution
        var usesServer: Bool
        var database: Distribution
        var usesDatabase: Bool
        /// Mean storage seconds per object: page reads × buffer-pool miss ratio × seconds per
        /// read; 0 without SQL memory in the scenario or without page reads.
        var storageMean: Double
        var initialAt: Double
        /// 0: no initial sync.
        var initialObjects: Int

        init(_ job: ScheduledJob, storageSecondsPerRead: Double) {
            let none = try! Distribution.deterministic(0)
            onWorkflowServer = job.kind.runsOnWorkflowServer
            every = job.every
            offset = job.offset ?? job.every
            objects = job.objects
            server = job.object.server ?? none
            usesServer = job.object.server != nil && job.kind.runsOnWorkflowServer
            database = job.object.database ?? none
            usesDatabase = job.object.database != nil
            storageMean = job.object.pageReads * storageSecondsPerRead
            initialAt = job.initialSync?.at ?? 0
            initialObjects = job.initialSync?.objects ?? 0
        }
    }
}
