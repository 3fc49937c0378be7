import Foundation

/// What `lede version` and `GET /version` report: the release, the commit it was built from and
/// each model's sha256, so a result can be traced to the exact models that produced it.
public struct VersionInfo: Sendable {
    public let version = Extractor.version
    /// Set by the build (`LEDE_COMMIT`, e.g. from `git rev-parse HEAD` in the Makefile or Dockerfile).
    public let commit: String
    public let models: [ModelStore.Descriptor]

    public init(models: [ModelStore.Descriptor], commit: String? = ProcessInfo.processInfo.environment["LEDE_COMMIT"]) {
        self.models = models
        self.commit = (commit?.isEmpty == false ? commit : nil) ?? "unknown"
    }

    public var json: JSONValue {
        .object([
            ("version", .string(version)),
            ("commit", .string(commit)),
            ("models", .array(models.map { .object([("name", .string($0.name)), ("sha256", .string($0.sha256))]) })),
        ])
    }
}
