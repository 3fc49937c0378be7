import Synchronization

/// Set when the awaiting task is cancelled; the transfer checks it from libcurl's progress callback.
final class CancellationFlag: Sendable {
    private let value = Atomic<Bool>(false)

    var isCancelled: Bool { value.load(ordering: .acquiring) }

    func cancel() { value.store(true, ordering: .releasing) }
}
