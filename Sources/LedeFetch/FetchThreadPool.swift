import Foundation

/// A bounded pool of threads for blocking libcurl transfers, so fetches never run on the server's I/O
/// queues or the Swift concurrency pool. Threads start on demand up to `maxThreads` and wait for jobs;
/// jobs beyond that queue in order.
final class FetchThreadPool: @unchecked Sendable {
    private let condition = NSCondition()
    private let maxThreads: Int
    // Guarded by `condition`.
    private var jobs: [@Sendable () -> Void] = []
    private var head = 0
    private var threads = 0
    private var idle = 0
    private var stopped = false

    init(maxThreads: Int) {
        self.maxThreads = max(1, maxThreads)
    }

    /// Queues `job`; it runs on one of the pool's threads.
    func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        // More queued jobs than idle threads to take them: start another thread, up to the bound.
        let spawn = jobs.count - head > idle && threads < maxThreads && !stopped
        if spawn { threads += 1 }
        condition.signal()
        condition.unlock()
        if spawn {
            let thread = Thread { [self] in workLoop() }
            thread.name = "lede.fetch"
            thread.start()
        }
    }

    /// Lets the threads finish their current job and exit; queued jobs still run first.
    func shutdown() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func workLoop() {
        condition.lock()
        while true {
            if head < jobs.count {
                let job = jobs[head]
                head += 1
                if head > 64, head * 2 > jobs.count {
                    jobs.removeFirst(head)
                    head = 0
                }
                condition.unlock()
                job()
                condition.lock()
            } else if stopped {
                threads -= 1
                condition.unlock()
                return
            } else {
                idle += 1
                condition.wait()
                idle -= 1
            }
        }
    }
}
