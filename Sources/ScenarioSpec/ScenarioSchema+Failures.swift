import Stochastics
import Yams

/// The workflow engine and the failures.
extension ScenarioSchema {
    // MARK: Workflows

    static var workflows: Section<Workflows, Workflows> {
        Section(start: Workflows(job: Workflows.Job(server: .unread)), fields: [
            Field("pollInterval", \.pollInterval, .duration, bound: .positive, default: "60s", doc: "Subscription poll period."),
            Field("batchSize", \.batchSize, .integer, bound: .atLeast(1), default: "100", doc: "Jobs one subscription takes per poll."),
            Field("subscriptions", \.subscriptions, .integer, bound: .atLeast(1), default: "4",
                  doc: "The old reading, without rules: one shared poll takes up to batchSize × subscriptions jobs."),
            Field("rules", \.rules, .integer, bound: .atLeast(1), default: "none (the old shared poll)",
                  doc: "Subscription and workflow rules in the group, each polling on its own and taking up to batchSize."),
            Field("pollQuery", \.pollQuery, .section(pollQuery), default: "none (polls cost nothing)",
                  doc: "The database work of one rule's poll, even when it finds nothing; needs rules."),
            Field("concurrency", \.concurrency, .integer, bound: .atLeast(1), default: "4", doc: "Workflow engine threads."),
            Field("job", \.job, .section(job), .required, doc: "The work of one triggered workflow job."),
            Field("recurring", \.recurring, .list(recurring), default: "none", doc: "Engine work on a timer."),
            Field("bursts", \.bursts, .list(burst), default: "none", doc: "One-off batches of triggered jobs."),
            Field("connectors", \.connectors, .list(connector), default: "none",
                  doc: "Connectors synchronising objects one after another."),
            Field("grooming", \.grooming, .list(grooming), default: "none", doc: "Grooming of the database on a schedule."),
        ], check: { w, f, reader throws(ScenarioError) in
            if let old = reader.optional(f, "subscriptions"), reader.optional(f, "rules") != nil {
                throw reader.error(old, f.child("subscriptions"),
                                   "subscriptions is the old shared poll; with rules each rule polls on its own: give one, not both")
            }
            if let query = reader.optional(f, "pollQuery"), w.rules == nil {
                throw reader.error(query, f.child("pollQuery"), "a poll query is paid per rule and poll: it needs rules")
            }
        })
    }

    static var pollQuery: Section<Workflows.PollQuery, Workflows.PollQuery> {
        Section(what: "a poll query (a mapping with database, pageReads)", start: Workflows.PollQuery(database: .unread), fields: [
            Field("database", \.database, .distribution, .required, doc: "Database time of one poll."),
            Field("pageReads", \.pageReads, .number, bound: .nonNegative, default: "0",
                  doc: "Mean logical 8-KiB page reads of one poll."),
        ])
    }

    static var job: Section<Workflows.Job, Workflows.Job> {
        Section(what: "a job (a mapping with server and database)", documentedAt: "workflows.job",
                start: Workflows.Job(server: .unread), fields: [
            Field("server", \.server, .distribution, .required, doc: "CPU time on the server holding the workflow role."),
            Field("database", \.database, .distribution, doc: "Database time."),
            Field("pageReads", \.pageReads, .number, bound: .nonNegative, default: "0",
                  doc: "Mean logical 8-KiB page reads; buffer-pool misses become storage reads."),
        ])
    }

    static var recurring: Section<Workflows.Recurring, Workflows.Recurring> {
        Section(what: "a recurring workflow (a mapping with name, every, jobs, …)",
                start: Workflows.Recurring(name: "", every: 0, jobs: 0), fields: [
            Field("name", \.name, .text, .required, doc: "Label."),
            Field("every", \.every, .duration, .required, bound: .positive, doc: "Period."),
            Field("offset", \.offset, .duration, bound: .nonNegative, default: "every", doc: "Time of the first run."),
            Field("jobs", \.jobs, .integer, .required, bound: .atLeast(1), doc: "Jobs queued at each run."),
            Field("job", \.job, .section(job), default: "workflows.job", doc: "The work of these jobs."),
        ])
    }

    static var burst: Section<Workflows.Burst, Workflows.Burst> {
        Section(what: "a burst (a mapping with name, at, jobs)", start: Workflows.Burst(name: "", at: 0, jobs: 0), fields: [
            Field("name", \.name, .text, .required, doc: "Label."),
            Field("at", \.at, .duration, .required, range: "0 ≤ at < duration", doc: "When the jobs are triggered."),
            Field("jobs", \.jobs, .integer, .required, bound: .atLeast(1), doc: "How many."),
        ])
    }

    // MARK: Failures

    static var failures: Section<Failures, Failures> {
        Section(start: Failures(), fields: [
            Field("scheduled", \.scheduled, .list(scheduled), default: "none", doc: "Failures at fixed times."),
            Field("random", \.random, .section(random), doc: "Failures drawn at random."),
            Field("reconnect", \.reconnect, .section(reconnect), default: "see below", doc: "What consoles do when their server goes."),
            Field("promotion", \.promotion, .section(promotion), default: "see below", doc: "How the workflow role moves."),
            Field("down", \.down, .integer, bound: .atLeast(0), default: "0", doc: "Additional servers down for the whole run."),
        ])
    }

    /// A scheduled failure as written: a server name or `database: true`, exactly one.
    struct ScheduledDraft {
        var server: String?
        var database: Bool?
        var at = 0.0
        var repairAfter: Double?
    }

    static var scheduled: Section<ScheduledDraft, Failures.Scheduled> {
        Section(what: "a scheduled failure (a mapping with server or database: true, at, repairAfter)",
                start: ScheduledDraft(), fields: [
            Field("server", \.server, .text, default: "—", doc: "The management server that fails."),
            Field("database", \.database, .boolean, default: "—", doc: "true to fail the database instead."),
            Field("at", \.at, .duration, .required, range: "0 ≤ at < duration", doc: "When."),
            Field("repairAfter", \.repairAfter, .duration, bound: .positive, default: "never", doc: "Time until it is back."),
        ]) { draft, f, reader throws(ScenarioError) in
            let target: Failures.Target
            switch (draft.server, draft.database) {
            case (_?, true?):
                let later = f.order.first { $0 == "server" || $0 == "database" } == "server" ? "database" : "server"
                throw reader.error(f.entries[later]!.value, f.child(later), "give either server: NAME or database: true, not both")
            case (let name?, _):
                target = .server(name)
            case (nil, true?):
                target = .database
            case (nil, false?):
                throw reader.error(f.entries["database"]!.value, f.child("database"),
                                   "database: false names no target; give server: NAME or database: true")
            case (nil, nil):
                throw reader.error(f.node, f.path, "a scheduled failure needs a target: server: NAME or database: true")
            }
            return Failures.Scheduled(target: target, at: draft.at, repairAfter: draft.repairAfter)
        }
    }

    static var random: Section<Failures.Random, Failures.Random> {
        Section(start: Failures.Random(timeToFailure: .unread, timeToRepair: .unread), fields: [
            Field("appliesTo", \.appliesTo, .keyword, default: "additional", doc: "Which servers can fail at random."),
            Field("timeToFailure", \.timeToFailure, .distribution, .required, doc: "Up time before each failure."),
            Field("timeToRepair", \.timeToRepair, .distribution, .required, doc: "Down time before the repair."),
        ])
    }

    static var reconnect: Section<Failures.Reconnect, Failures.Reconnect> {
        Section(start: Failures().reconnect, fields: [
            Field("delay", \.delay, .distribution, default: "exponential, mean 2m", doc: "Until the first attempt."),
            Field("retryEvery", \.retryEvery, .duration, bound: .positive, default: "30s", doc: "Pause between attempts."),
            Field("giveUpAfter", \.giveUpAfter, .duration, bound: .positive, default: "30m", doc: "Until the session is abandoned."),
        ])
    }

    static var promotion: Section<Failures.Promotion, Failures.Promotion> {
        Section(start: Failures().promotion, fields: [
            Field("after", \.after, .distribution, default: "lognormal, mean 20m, cv 0.5",
                  doc: "Operator response plus service restart."),
            Field("choose", \.choose, FieldKind.text.map(type: "least-loaded or a server name") {
                $0 == "least-loaded" ? .leastLoaded : .server($0)
            }, default: "least-loaded", doc: "Which server takes the role."),
            Field("failBack", \.failBack, .boolean, default: "false", doc: "Move the role back after the repair."),
            Field("procedure", \.procedure, .section(procedure), doc: "The promotion's cost on the promoted server."),
        ])
    }

    static var procedure: Section<Failures.PromotionProcedure, Failures.PromotionProcedure> {
        Section(start: Failures.PromotionProcedure(duration: .unread), fields: [
            Field("duration", \.duration, .distribution, .required,
                  doc: "Services stopped, health state deleted, role promoted, services started."),
            Field("cpu", \.cpu, .distribution, doc: "CPU on the promoted server after the restart."),
            Field("consoles", \.consoles, .keyword, default: "stay", doc: "Whether its consoles stay or move."),
        ])
    }
}
