import Foundation

/// An invalid configuration: start-up stops with a message naming the key.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    public let key: String
    public let problem: String
    public var description: String { "configuration \(key): \(problem)" }

    public init(key: String, problem: String) {
        self.key = key
        self.problem = problem
    }
}

/// Finds, reads and validates the configuration: `--config FILE`, `$LEDE_CONFIG`,
/// `./config/lede.json`, `/etc/lede/lede.json`, else built-in defaults; then `LEDE_<SECTION>_<KEY>`
/// environment overrides (and `LEDE_HOST`, `LEDE_PORT`); command-line flags are applied by the caller last.
public struct ConfigurationLoader {
    public let environment: [String: String]
    public let fileExists: (String) -> Bool

    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                fileExists: @escaping (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) {
        self.environment = environment
        self.fileExists = fileExists
    }

    /// The file the search order picks, or nil for built-in defaults.
    public func configPath(explicit: String?) -> String? {
        if let explicit { return explicit }
        if let fromEnv = environment["LEDE_CONFIG"], !fromEnv.isEmpty { return fromEnv }
        return ["config/lede.json", "/etc/lede/lede.json"].first(where: fileExists)
    }

    public func load(explicit: String? = nil) throws(ConfigurationError) -> (Configuration, source: String) {
        var configuration = Configuration()
        let path = configPath(explicit: explicit)
        if let path {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ConfigurationError(key: path, problem: "cannot be read")
            }
            try apply(json: data, to: &configuration)
        }
        try applyEnvironment(to: &configuration)
        try Self.validate(configuration)
        return (configuration, path ?? "built-in defaults")
    }

    public func apply(json data: Data, to configuration: inout Configuration) throws(ConfigurationError) {
        guard let root = try? JSONSerialization.jsonObject(with: data), let sections = root as? [String: Any] else {
            throw ConfigurationError(key: "(file)", problem: "is not a JSON object")
        }
        for (sectionName, sectionValue) in sections.sorted(by: { $0.key < $1.key }) {
            guard let keys = ConfigurationKeys.sections[sectionName] else {
                throw ConfigurationError(key: sectionName, problem: "unknown section")
            }
            guard let section = sectionValue as? [String: Any] else {
                throw ConfigurationError(key: sectionName, problem: "must be an object")
            }
            for (name, value) in section.sorted(by: { $0.key < $1.key }) {
                guard let key = keys[name] else { throw ConfigurationError(key: "\(sectionName).\(name)", problem: "unknown key") }
                try key.apply(&configuration, .json(value), "\(sectionName).\(name)")
            }
        }
    }

    public func applyEnvironment(to configuration: inout Configuration) throws(ConfigurationError) {
        var overrides: [(String, ConfigurationKeys.Key, String, String)] = []
        for (sectionName, keys) in ConfigurationKeys.sections {
            for (name, key) in keys {
                let variable = "LEDE_\(sectionName.uppercased())_\(name.uppercased())"
                if let value = environment[variable] { overrides.append((variable, key, value, "\(sectionName).\(name)")) }
            }
        }
        if let host = environment["LEDE_HOST"] { overrides.append(("LEDE_HOST", ConfigurationKeys.sections["server"]!["host"]!, host, "server.host")) }
        if let port = environment["LEDE_PORT"] { overrides.append(("LEDE_PORT", ConfigurationKeys.sections["server"]!["port"]!, port, "server.port")) }
        // Sorted by variable name, so the long forms LEDE_SERVER_HOST/PORT are applied after (and win over) LEDE_HOST/PORT.
        for (variable, key, value, dotted) in overrides.sorted(by: { $0.0 < $1.0 }) {
            try key.apply(&configuration, .env(value), "\(dotted) (\(variable))")
        }
    }

    /// Cross-field and range checks the per-key parsers cannot make.
    public static func validate(_ c: Configuration) throws(ConfigurationError) {
        guard !c.server.host.isEmpty else { throw ConfigurationError(key: "server.host", problem: "must not be empty") }
        guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(c.logging.level) else {
            throw ConfigurationError(key: "logging.level", problem: "must be one of trace, debug, info, notice, warning, error, critical")
        }
        guard ["json", "text"].contains(c.logging.format) else {
            throw ConfigurationError(key: "logging.format", problem: "must be json or text")
        }
        for entry in c.fetch.allowHosts where !entry.contains(":") {
            throw ConfigurationError(key: "fetch.allow_hosts", problem: "'\(entry)' must be host:port")
        }
        guard Set(c.auth.apiKeys.map(\.key)).count == c.auth.apiKeys.count else {
            throw ConfigurationError(key: "auth.api_keys", problem: "keys must be unique")
        }
    }
}
