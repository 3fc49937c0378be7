import Dispatch
import Glibc

/// Waits for a termination signal, for the executable's `serve` command:
///
/// ```swift
/// try server.start()
/// let signal = await ShutdownSignal.wait()          // SIGTERM or SIGINT
/// await server.shutdown(drainTimeout: .seconds(10))
/// ```
public enum ShutdownSignal {
    /// Suspends until one of `signals` arrives and returns it.
    ///
    /// The signals' default action (terminate) is turned off while waiting, so the process can drain; once the
    /// first one arrives the default action is restored, so a second Ctrl-C still kills a stuck process.
    /// - Parameter signals: the signals to wait for (default SIGTERM and SIGINT).
    /// - Returns: the signal number that arrived.
    public static func wait(for signals: [Int32] = [SIGTERM, SIGINT]) async -> Int32 {
        let queue = DispatchQueue(label: "lede.http.signals")
        let watch = SignalSources()
        return await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            queue.sync {
                for number in signals {
                    signal(number, SIG_IGN)  // Dispatch sees the signal only if the default action is not taken
                    let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                    source.setEventHandler {
                        guard !watch.fired else { return }
                        watch.fired = true
                        for number in signals { signal(number, SIG_DFL) }
                        for source in watch.sources { source.cancel() }
                        watch.sources = []
                        continuation.resume(returning: number)
                    }
                    source.resume()
                    watch.sources.append(source)
                }
            }
        }
    }
}

/// The signal sources of one ``ShutdownSignal/wait(for:)`` call.
private final class SignalSources: @unchecked Sendable {
    // @unchecked Sendable: only touched on the wait call's serial queue (set-up runs in `queue.sync`, handlers on
    // the queue), which serialises access like a lock.
    var sources: [any DispatchSourceSignal] = []
    var fired = false
}
