/// One step of extraction: reads the document and adds its annotations.
///
/// Stages are values with their models loaded at construction, so one pipeline is built at start-up
/// and shared by every request and worker.
public protocol Stage: Sendable {
    /// Short name used in timings and metrics ("clean", "segment", …).
    var name: String { get }
    func apply(to document: inout Document)
}
