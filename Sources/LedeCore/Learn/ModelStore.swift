import Foundation

/// Loads the models shipped as LedeCore's SwiftPM resources (or from a directory given at
/// start-up), so the CLI, the service, the container and batch workers find them the same way.
public struct ModelStore: Sendable {
    /// A loaded model file and its digest, as `lede version` and `GET /version` list them.
    public struct Descriptor: Sendable, Equatable {
        public let name: String
        public let file: String
        public let sha256: String
    }

    public let directory: URL
    public private(set) var descriptors: [Descriptor] = []

    /// The bundled models directory (`Resources/models` inside LedeCore's resource bundle).
    public static var bundledDirectory: URL {
        LedeResources.directory.appendingPathComponent("models", isDirectory: true)
    }

    public init(directory: URL = ModelStore.bundledDirectory) {
        self.directory = directory
    }

    /// Reads and verifies `<name>.lmdl`.
    public mutating func load(_ name: String) throws(ModelError) -> LinearModel {
        let url = directory.appendingPathComponent("\(name).lmdl")
        guard let data = FileManager.default.contents(atPath: url.path) else { throw .missing(url.path) }
        let bytes = [UInt8](data)
        let model = try ModelFile.decode(bytes, file: url.lastPathComponent, expectedName: name)
        descriptors.append(Descriptor(name: name, file: url.lastPathComponent, sha256: SHA256.hex(bytes)))
        return model
    }
}
