import Foundation

/// Runs stages in order over one document and records how long each took.
public struct Pipeline: Sendable {
    public let stages: [any Stage]

    public init(stages: [any Stage]) { self.stages = stages }

    /// Stage durations in milliseconds, in stage order.
    public typealias Timings = [(stage: String, milliseconds: Double)]

    public func run(_ document: inout Document) -> Timings {
        var timings: Timings = []
        for stage in stages {
            let start = DispatchTime.now().uptimeNanoseconds
            stage.apply(to: &document)
            timings.append((stage.name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6))
        }
        return timings
    }
}
