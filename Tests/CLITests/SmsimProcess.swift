import Foundation

/// Runs the built `smsim` executable as a subprocess.
enum SmsimProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Standard error split into lines (no trailing empty line).
        var stderrLines: [Substring] { stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast(stderr.hasSuffix("\n") ? 1 : 0).map { $0 } }
    }

    struct TimedOut: Error, CustomStringConvertible {
        var arguments: [String]
        var seconds: Double
        var description: String { "smsim \(arguments.joined(separator: " ")) did not finish within \(seconds) s; killed" }
    }

    /// A safety net, not a performance check: a hung child must not hang the test run.
    static let timeoutSeconds = 300.0

    struct NotFound: Error, CustomStringConvertible {
        var searched: [String]
        var description: String { "smsim executable not found; looked at:\n" + searched.joined(separator: "\n") }
    }

    /// Places the executable may be, best first. The test bundle and `smsim` are built into
    /// the same products directory (`<scratch>/debug`), whatever the scratch path.
    static func candidates() -> [URL] {
        var urls: [URL] = []
        if let override = ProcessInfo.processInfo.environment["SMSIM_EXECUTABLE"], !override.isEmpty {
            urls.append(URL(fileURLWithPath: override))
        }
        // Linux: the test runner is itself an executable in the products directory, and
        // Bundle.main.bundleURL is that directory. macOS: the .xctest bundle sits in it.
        let main = Bundle.main.bundleURL
        urls.append(main.appendingPathComponent("smsim"))
        urls.append(main.deletingLastPathComponent().appendingPathComponent("smsim"))
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            urls.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("smsim"))
        }
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            urls.append(executable.deletingLastPathComponent().appendingPathComponent("smsim"))
        }
        let argv0 = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        urls.append(argv0.deletingLastPathComponent().appendingPathComponent("smsim"))
        // Last resort: walk up from this source file to the package root and try the usual
        // scratch paths.
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.pathComponents.count > 1 {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                for scratch in [".build-tests", ".build"] {
                    urls.append(dir.appendingPathComponent(scratch).appendingPathComponent("debug").appendingPathComponent("smsim"))
                }
                break
            }
            dir = dir.deletingLastPathComponent()
        }
        return urls
    }

    /// The executable, found once.
    static let executable: Result<URL, NotFound> = {
        let fm = FileManager.default
        let all = candidates()
        for url in all {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               fm.isExecutableFile(atPath: url.path) {
                return .success(url)
            }
        }
        return .failure(NotFound(searched: all.map(\.path)))
    }()

    /// Runs `smsim arguments…` to completion (in `directory` when given), capturing both
    /// streams through temporary files (no pipe can fill up and block the child).
    static func run(_ arguments: [String], in directory: String? = nil) throws -> Output {
        let url = try executable.get()
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("smsim-cli-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("stdout"), errURL = dir.appendingPathComponent("stderr")
        _ = fm.createFile(atPath: outURL.path, contents: nil)
        _ = fm.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeoutSeconds) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try? out.close()
            try? err.close()
            throw TimedOut(arguments: arguments, seconds: timeoutSeconds)
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
