import Stochastics

/// Connectors, grooming and data warehouse jobs (`ScheduledJobs.swift`): one shape, three places
/// in the file, each with the keys that make sense there.
extension ScenarioSchema {
    static var connector: Section<ScheduledJob, ScheduledJob> {
        Section(what: "a connector (a mapping with name, kind, every, objects, object, …)",
                start: ScheduledJob(name: "", kind: .activeDirectory, every: 0, objects: 0, object: .init()), fields: [
            Field("name", \.name, .text, .required, doc: "Unique among connectors, grooming and data warehouse jobs."),
            Field("kind", \.kind, .keyword, .required, range: "a connector kind",
                  doc: "Which connector; a label."),
            Field("every", \.every, .duration, .required, bound: .positive, doc: "Period of the incremental syncs."),
            Field("offset", \.offset, .duration, bound: .nonNegative, default: "every", doc: "Time of the first incremental sync."),
            Field("objects", \.objects, .integer, .required, bound: .atLeast(0), doc: "Objects per incremental sync."),
            Field("object", \.object, .section(workflowObject), .required, doc: "The cost of one object."),
            Field("initialSync", \.initialSync, .section(initialSync), doc: "A full synchronisation first."),
        ])
    }

    static var grooming: Section<ScheduledJob, ScheduledJob> {
        Section(what: "a grooming job (a mapping with name, every, offset, objects, object)",
                start: ScheduledJob(name: "", kind: .grooming, every: 86_400, objects: 0, object: .init()), fields: [
            Field("name", \.name, .text, .required, doc: "Unique among connectors, grooming and data warehouse jobs."),
            Field("every", \.every, .duration, bound: .positive, default: "1d", doc: "Period."),
            Field("offset", \.offset, .duration, bound: .nonNegative, default: "every", doc: "Time of the first run (02:00 is 2h)."),
            Field("objects", \.objects, .integer, .required, bound: .atLeast(0), doc: "Objects removed per run."),
            Field("object", \.object, .section(workflowObject), .required, doc: "The cost of one object."),
        ])
    }

    static var workflowObject: Section<ScheduledJob.Object, ScheduledJob.Object> {
        Section(what: "an object's cost (a mapping with server and database)", documentedAt: "workflows.connectors.object",
                start: ScheduledJob.Object(), fields: [
            Field("server", \.server, .distribution, doc: "CPU time on the server holding the workflow role."),
            Field("database", \.database, .distribution, doc: "Database time."),
            pageReadsField,
        ])
    }

    static var initialSync: Section<ScheduledJob.InitialSync, ScheduledJob.InitialSync> {
        Section(start: ScheduledJob.InitialSync(objects: 0), fields: [
            Field("at", \.at, .duration, range: "0 ≤ at < duration", default: "0", doc: "When it starts."),
            Field("objects", \.objects, .integer, .required, bound: .atLeast(1), doc: "Objects it inserts, one after another."),
        ])
    }

    static var dataWarehouse: Section<[ScheduledJob], [ScheduledJob]> {
        Section(start: [], fields: [
            Field("jobs", \.self, .list(warehouseJob), default: "none", doc: "Jobs reading the Service Manager database."),
        ])
    }

    static var warehouseJob: Section<ScheduledJob, ScheduledJob> {
        Section(what: "a data warehouse job (a mapping with name, every, objects, object)",
                start: ScheduledJob(name: "", kind: .warehouse, every: 0, objects: 0, object: .init()), fields: [
            Field("name", \.name, .text, .required, doc: "Unique among connectors, grooming and data warehouse jobs."),
            Field("every", \.every, .duration, .required, bound: .positive, doc: "Period."),
            Field("offset", \.offset, .duration, bound: .nonNegative, default: "every", doc: "Time of the first run."),
            Field("objects", \.objects, .integer, .required, bound: .atLeast(0), doc: "Batches read per run, one after another."),
            Field("object", \.object, .section(warehouseObject), .required, doc: "The cost of one batch."),
        ])
    }

    static var warehouseObject: Section<ScheduledJob.Object, ScheduledJob.Object> {
        Section(what: "a batch's cost (a mapping with database)", start: ScheduledJob.Object(), fields: [
            Field("database", \.database, FieldKind.distribution.map { Optional($0) }, .required, doc: "Database time."),
            pageReadsField,
        ])
    }

    /// One object's logical page reads, the same for every kind of scheduled job.
    static var pageReadsField: Field<ScheduledJob.Object> {
        Field("pageReads", \.pageReads, .number, bound: .nonNegative, default: "0",
              doc: "Mean logical 8-KiB page reads per object; the buffer pool's misses become storage reads after the database time.")
    }
}
