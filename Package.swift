// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "smsim",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "smsim", targets: ["smsim"]),
        .library(name: "SimulationKernel", targets: ["SimulationKernel"]),
        .library(name: "Stochastics", targets: ["Stochastics"]),
        .library(name: "Statistics", targets: ["Statistics"]),
        .library(name: "QueueingTheory", targets: ["QueueingTheory"]),
        .library(name: "Validation", targets: ["Validation"]),
        .library(name: "Stations", targets: ["Stations"]),
        .library(name: "ScenarioSpec", targets: ["ScenarioSpec"]),
        .library(name: "GroupSimulation", targets: ["GroupSimulation"]),
        .library(name: "RunOutput", targets: ["RunOutput"]),
        .library(name: "Planning", targets: ["Planning"]),
        .library(name: "CounterCalibration", targets: ["CounterCalibration"]),
        .library(name: "DeploymentPlan", targets: ["DeploymentPlan"]),
        .library(name: "Report", targets: ["Report"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
    ],
    targets: [
        // GNU Scientific Library: random generators, variates, t quantiles.
        .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),
        // One C printf conversion of a double, for the number formats (NumberFormat+Printf).
        .target(name: "CNumberText"),
        // Clock, event queue, run loop. Knows nothing about Service Manager, files or terminals.
        .target(name: "SimulationKernel"),
        // Random streams and distributions (GSL underneath).
        .target(name: "Stochastics", dependencies: ["CGSL"]),
        // Tallies, time averages, percentiles, confidence intervals.
        .target(name: "Statistics", dependencies: ["CGSL"]),
        // Closed-form answers: Erlang C, exact and load-dependent MVA.
        .target(name: "QueueingTheory"),
        // Simulated queueing systems checked against QueueingTheory (`smsim validate`).
        .target(name: "Validation", dependencies: ["SimulationKernel", "Stochastics", "Statistics", "QueueingTheory"]),
        // Multi-core stations: processor sharing (virtual time) and FCFS. No domain words.
        .target(name: "Stations", dependencies: ["SimulationKernel"]),
        // The layers that know Service Manager, lowest first; each may use only those above it.
        // What a scenario says: the schema, reader and validation, durations and number
        // formats, the metric catalogue and the objectives judged on it.
        .target(name: "ScenarioSpec", dependencies: [
            "Stochastics", "Statistics", "Stations", "CNumberText",
            .product(name: "Yams", package: "Yams"),
        ]),
        // The management group simulated: consoles, portal, servers, workflows, database,
        // failures; the recorder and the replication runner.
        .target(name: "GroupSimulation", dependencies: [
            "ScenarioSpec", "SimulationKernel", "Stochastics", "Statistics", "Stations", "QueueingTheory",
        ]),
        // What a run leaves: CSV files, run.json, summaries and objective verdicts.
        .target(name: "RunOutput", dependencies: ["ScenarioSpec", "GroupSimulation", "Statistics", "Stochastics"]),
        // Questions answered with many runs: compare, size, sweep, sensitivity.
        .target(name: "Planning", dependencies: [
            "ScenarioSpec", "GroupSimulation", "RunOutput", "Statistics", "Stochastics", "QueueingTheory",
        ]),
        // Fitting a scenario to performance counter logs (smsim calibrate, run --perfmon).
        .target(name: "CounterCalibration", dependencies: [
            "ScenarioSpec", "GroupSimulation", "RunOutput", "Statistics", "Stochastics",
        ]),
        // smsim plan: a scenario built from a planner's counts, sized by simulation.
        .target(name: "DeploymentPlan", dependencies: [
            "ScenarioSpec", "RunOutput", "Planning",
            .product(name: "Yams", package: "Yams"),
        ]),
        // report.html: one self-contained page (inline SVG and CSS) from an output directory.
        .target(name: "Report", dependencies: [
            "ScenarioSpec", "GroupSimulation", "RunOutput", "Planning", "CounterCalibration", "DeploymentPlan",
            "Validation", "Statistics", "Stochastics",
            .product(name: "Yams", package: "Yams"),
        ]),
        // The thin command-line tool.
        .executableTarget(name: "smsim", dependencies: [
            "Validation", "ScenarioSpec", "GroupSimulation", "RunOutput", "Planning", "CounterCalibration", "DeploymentPlan", "Report",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "SimulationKernelTests", dependencies: ["SimulationKernel"]),
        .testTarget(name: "StochasticsTests", dependencies: ["Stochastics", "Statistics"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "Stochastics"]),
        .testTarget(name: "QueueingTheoryTests", dependencies: ["QueueingTheory"]),
        .testTarget(name: "ValidationTests", dependencies: ["Validation"]),
        .testTarget(name: "StationsTests", dependencies: ["Stations"]),
        .testTarget(name: "CapacityModelTests", dependencies: [
            "ScenarioSpec", "GroupSimulation", "RunOutput", "Planning", "CounterCalibration",
            "QueueingTheory", "Statistics",
        ]),
        .testTarget(name: "DeploymentPlanTests", dependencies: ["DeploymentPlan", "ScenarioSpec", "GroupSimulation", "RunOutput", "Planning"]),
        .testTarget(name: "ReportTests", dependencies: [
            "Report", "ScenarioSpec", "GroupSimulation", "RunOutput", "Planning", "CounterCalibration", "Stochastics",
        ]),
        .testTarget(name: "CLITests", dependencies: ["smsim", "RunOutput"], resources: [.copy("Golden")]),
    ]
)
