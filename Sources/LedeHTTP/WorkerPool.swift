import Dispatch
import Foundation

/// A fixed set of threads that run handler tasks: a `TaskExecutor`, so `Task(executorPreference:)` puts a
/// handler's synchronous stretches here.
///
/// Why not the default cooperative pool: CPU-heavy handlers (NLP runs) would occupy all of its threads, so any
/// other async work in the process would starve. Why not the I/O queues: a slow handler would stall every
/// connection on that queue. Here at most `size` handler stretches run at once; the rest wait in FIFO order.
final class WorkerPool: TaskExecutor {
    private struct Queue {
        var jobs: [UnownedJob] = []
        var head = 0
        var stopped = false

        mutating func popFirst() -> UnownedJob? {
            guard head < jobs.count else { return nil }
            let job = jobs[head]
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            }
            return job
        }
    }

    /// The number of threads.
    let size: Int
    private let queue = Locked(Queue())
    /// Counts queued jobs (plus one wake-up per thread on stop).
    private let available = DispatchSemaphore(value: 0)

    /// Starts `size` threads named `name-0`, `name-1`, ….
    init(size: Int, name: String) {
        self.size = max(1, size)
        for index in 0..<self.size {
            let thread = Thread { [self] in runWorker() }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
    }

    /// Queues a job; after ``stop()``, hands it to the global executor so late continuations still run.
    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        let accepted = queue.withLock { state -> Bool in
            guard !state.stopped else { return false }
            state.jobs.append(unowned)
            return true
        }
        if accepted {
            available.signal()
        } else {
            globalConcurrentExecutor.enqueue(ExecutorJob(unowned))
        }
    }

    /// Lets the threads finish their current job and exit; queued jobs move to the global executor.
    func stop() {
        let leftovers = queue.withLock { state -> [UnownedJob] in
            guard !state.stopped else { return [] }
            state.stopped = true
            let rest = Array(state.jobs[state.head...])
            state.jobs = []
            state.head = 0
            return rest
        }
        for job in leftovers { globalConcurrentExecutor.enqueue(ExecutorJob(job)) }
        for _ in 0..<size { available.signal() }
    }

    private func runWorker() {
        while true {
            available.wait()
            let next = queue.withLock { state -> (UnownedJob?, Bool) in (state.popFirst(), state.stopped) }
            if let job = next.0 {
                job.runSynchronously(on: asUnownedTaskExecutor())
            } else if next.1 {
                return
            }
        }
    }
}
