import ArgumentParser
import Foundation
import LedeCore
import LedeFetch
import LedeService

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "NDJSON requests in (one POST /v1/extract body per line), NDJSON results out, in input order."
    )

    @Argument(help: "NDJSON files, or - for standard input (the default).")
    var files: [String] = []

    @Option(help: "Extractions run at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Directory with the model files (default: the bundled models).")
    var models: String?

    func run() {
        runReportingErrors {
            guard jobs >= 1 else { throw CLIError.usage("--jobs must be at least 1") }
            var lines: [ArraySlice<UInt8>] = []
            for file in files.isEmpty ? ["-"] : files {
                lines += ExtractionService.ndjsonLines(try Self.readBytes(file))
            }
            let service = ExtractionService(extractor: try CommandOptions.extractor(models: models), fetcher: Fetcher())
            BatchRun(service: service, lines: lines, jobs: jobs).run()
        }
    }

    static func readBytes(_ path: String) throws(CLIError) -> [UInt8] {
        if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .unreadable("\(path): no such file") }
        guard !isDirectory.boolValue else { throw .unreadable("\(path): is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable("\(path): cannot be read") }
        return Array(data)
    }
}

/// Runs the lines on `jobs` threads and writes each result as soon as every earlier one is written.
final class BatchRun: @unchecked Sendable {
    // @unchecked Sendable: the mutable state below is only touched under `lock`.
    let service: ExtractionService
    let lines: [ArraySlice<UInt8>]
    let jobs: Int
    private let lock = NSLock()
    private var next = 0
    private var written = 0
    private var pending: [Int: [UInt8]] = [:]
    private var finished = false

    init(service: ExtractionService, lines: [ArraySlice<UInt8>], jobs: Int) {
        self.service = service
        self.lines = lines
        self.jobs = jobs
    }

    func run() {
        let started = Date()
        let done = DispatchGroup()
        for _ in 0..<min(jobs, max(1, lines.count)) {
            done.enter()
            let thread = Thread { [self] in
                work()
                done.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        let showProgress = isatty(STDERR_FILENO) == 1 || lines.count > 100
        if showProgress {
            let progress = Thread { [self] in
                while true {
                    Thread.sleep(forTimeInterval: 1)
                    let (count, stop) = lock.withLock { (written, finished) }
                    if stop { return }
                    report(count, since: started)
                }
            }
            progress.start()
        }
        done.wait()
        lock.withLock { finished = true }
        if showProgress { report(lines.count, since: started) }
    }

    private func report(_ count: Int, since started: Date) {
        let rate = Double(count) / max(Date().timeIntervalSince(started), 0.001)
        FileHandle.standardError.write(Data("lede batch: \(count)/\(lines.count) documents, \(Int(rate.rounded())) docs/s\n".utf8))
    }

    private func work() {
        while true {
            let index: Int? = lock.withLock {
                guard next < lines.count else { return nil }
                defer { next += 1 }
                return next
            }
            guard let index else { return }
            let request = lines[index]
            var line = blockingAwait { [service] in
                await service.runItem(ExtractionService.parseLine(request), requestID: "line-\(index + 1)").line
            }
            line.append(UInt8(ascii: "\n"))
            lock.withLock {
                pending[index] = line
                var out: [UInt8] = []
                while let ready = pending.removeValue(forKey: written) {
                    out += ready
                    written += 1
                }
                if !out.isEmpty { FileHandle.standardOutput.write(Data(out)) }
            }
        }
    }
}

/// Runs async work from a plain worker thread and waits for it. Batch workers are dedicated threads,
/// not the cooperative pool, so blocking them is safe; the work itself runs on the pool.
func blockingAwait<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let box = AwaitBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        box.value = await body()
        done.signal()
    }
    done.wait()
    return box.value!
}

/// The result slot of `blockingAwait`.
private final class AwaitBox<T>: @unchecked Sendable {
    // @unchecked Sendable: written once before the semaphore's `signal`, read once after its `wait`.
    var value: T?
}
