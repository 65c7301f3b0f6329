// swift-tools-version: 6.1
// Performance-regression benchmarks for smsim (ordo-one/benchmark 1.38.1).
//
// A separate package so the root's build and `swift test` never compile the benchmark
// framework; it has its own `.build` folder (Benchmarks/.build). From the root:
//   make bench            swift package benchmark
//   make bench-baseline   swift package --allow-writing-to-package-directory benchmark baseline update main
//   make bench-check      one run stored as baseline 'current', then
//                         swift package benchmark thresholds check current   (static malloc limits, Thresholds/)
//                         swift package benchmark baseline check main current
// Benchmark names carry no spaces or slashes: the Thresholds/ files are named after them.
import PackageDescription

let benchmarkTarget: (String, [Target.Dependency]) -> Target = { name, dependencies in
    .executableTarget(
        name: name,
        dependencies: [.product(name: "Benchmark", package: "benchmark"), "BenchmarkGates"] + dependencies,
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "smsim-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        // `name:` so products can say `package: "smsim"` whatever the checkout's folder is
        // called (a path dependency's identity is otherwise its folder name, here "main").
        .package(name: "smsim", path: ".."),
        // Naming the trait turns off the default RuntimeInterposer trait, whose dependency
        // (swift-runtime-interposer) is not mirrored here: without it resolution fails.
        // MallocInterposer is what counts mallocs on Swift 6.3.
        .package(url: "https://github.com/ordo-one/benchmark.git", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Gates and custom metrics shared by the benchmark targets.
        .target(name: "BenchmarkGates", dependencies: [.product(name: "Benchmark", package: "benchmark")],
                path: "Sources/BenchmarkGates"),
        // The event kernel alone: the classic hold model at two queue sizes.
        benchmarkTarget("KernelBenchmarks", [
            .product(name: "SimulationKernel", package: "smsim"),
            .product(name: "Stochastics", package: "smsim"),
        ]),
        // A whole model: M/M/1 at ρ = 0.9 through Validation's MMcSimulation.
        benchmarkTarget("ModelBenchmarks", [
            .product(name: "Validation", package: "smsim"),
            .product(name: "QueueingTheory", package: "smsim"),
        ]),
        // The management group model: one replication of the weekday-50 scenario, and its
        // events/s next to the kernel's M/M/1 in the same process.
        benchmarkTarget("ManagementGroupBenchmarks", [
            .product(name: "ScenarioSpec", package: "smsim"),
            .product(name: "GroupSimulation", package: "smsim"),
            .product(name: "Validation", package: "smsim"),
            .product(name: "QueueingTheory", package: "smsim"),
        ]),
        // Cost of one GSL variate through RandomStream / Distribution.sample.
        benchmarkTarget("VariateBenchmarks", [
            .product(name: "Stochastics", package: "smsim"),
        ]),
    ]
)
