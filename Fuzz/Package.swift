// swift-tools-version: 6.1
// libFuzzer targets for smsim's readers of untrusted files. A separate package so that the
// root's build never links libFuzzer; built with `-sanitize=fuzzer,address` by `make fuzz`
// (see the Makefile), with its own build folder (Fuzz/.build).
import PackageDescription

let package = Package(
    name: "smsim-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "smsim", path: ".."),
    ],
    targets: [
        // The scenario loader: bytes → UTF-8 check → YAML limits → schema → validation.
        .executableTarget(name: "ScenarioFuzz", dependencies: [
            .product(name: "ScenarioSpec", package: "smsim"), .product(name: "RunOutput", package: "smsim"),
        ]),
        // The counter-log readers of smsim calibrate: PDH-CSV logs, joining on time, work-items exports.
        .executableTarget(name: "PDHCSVFuzz", dependencies: [
            .product(name: "ScenarioSpec", package: "smsim"), .product(name: "CounterCalibration", package: "smsim"),
        ]),
    ]
)
