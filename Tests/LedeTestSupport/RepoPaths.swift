import Foundation

/// Paths that tests need, found from this source file's location so they work from any working directory
/// (`swift test` in the repo, CI's fresh clone in another folder).
public enum RepoPaths {
    /// The repository root: the nearest directory above this file that holds `Package.swift`.
    public static var root: URL {
        let source = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        var directory = source.deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        // Tests/LedeTestSupport/RepoPaths.swift → two levels up.
        return source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The read-only shared material: `$LEDE_SHARED_DIR` when set, else `shared/` beside the repository
    /// (`../shared`).
    public static var shared: URL {
        if let override = ProcessInfo.processInfo.environment["LEDE_SHARED_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        return root.deletingLastPathComponent().appendingPathComponent("shared", isDirectory: true)
    }

    /// A file or directory under the repository root, e.g. `file("docs/schema/lede-v1.schema.json")`.
    public static func file(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// A file or directory under ``shared``, e.g. `sharedFile("examples/moscow-iran-2025-06-23.txt")`.
    public static func sharedFile(_ relativePath: String) -> URL {
        shared.appendingPathComponent(relativePath)
    }

    /// `docs/schema/lede-v1.schema.json`: the Result schema and its `$defs`.
    public static var resultSchema: URL { file("docs/schema/lede-v1.schema.json") }

    /// `docs/schema/lede-config.schema.json`: the configuration file's schema.
    public static var configSchema: URL { file("docs/schema/lede-config.schema.json") }

    /// `docs/schema/examples/`: hand-checked example bodies (result.json, error.json, …).
    public static var schemaExamples: URL { file("docs/schema/examples") }
}
