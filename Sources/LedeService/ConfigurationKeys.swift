import Foundation

/// Every configuration key: its section, name, type, allowed range and where it lands in
/// `Configuration`. The JSON file and the environment share these parsers, so a value means the
/// same wherever it comes from.
enum ConfigurationKeys {
    enum Raw {
        case json(Any)
        case env(String)
    }

    struct Key: Sendable {
        let apply: @Sendable (inout Configuration, Raw, String) throws(ConfigurationError) -> Void
    }

    static func int(_ path: any WritableKeyPath<Configuration, Int> & Sendable, _ range: ClosedRange<Int>) -> Key {
        Key { configuration, raw, name throws(ConfigurationError) in
            let value: Int?
            switch raw {
            case .json(let any):
                if let number = any as? NSNumber, !CFGetTypeIDIsBool(number), number.doubleValue == number.doubleValue.rounded() {
                    value = number.intValue
                } else {
                    value = nil
                }
            case .env(let text): value = Int(text)
            }
            guard let value else { throw ConfigurationError(key: name, problem: "must be an integer") }
            guard range.contains(value) else {
                throw ConfigurationError(key: name, problem: "must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
            }
            configuration[keyPath: path] = value
        }
    }

    static func double(_ path: any WritableKeyPath<Configuration, Double> & Sendable, _ range: ClosedRange<Double>) -> Key {
        Key { configuration, raw, name throws(ConfigurationError) in
            let value: Double?
            switch raw {
            case .json(let any): value = (any as? NSNumber).flatMap { CFGetTypeIDIsBool($0) ? nil : $0.doubleValue }
            case .env(let text): value = Double(text)
            }
            guard let value, range.contains(value) else {
                throw ConfigurationError(key: name, problem: "must be a number between \(range.lowerBound) and \(range.upperBound)")
            }
            configuration[keyPath: path] = value
        }
    }

    static func bool(_ path: any WritableKeyPath<Configuration, Bool> & Sendable) -> Key {
        Key { configuration, raw, name throws(ConfigurationError) in
            let value: Bool?
            switch raw {
            case .json(let any): value = (any as? NSNumber).flatMap { CFGetTypeIDIsBool($0) ? $0.boolValue : nil }
            case .env(let text): value = ["true", "1", "yes"].contains(text.lowercased()) ? true : ["false", "0", "no"].contains(text.lowercased()) ? false : nil
            }
            guard let value else { throw ConfigurationError(key: name, problem: "must be true or false") }
            configuration[keyPath: path] = value
        }
    }

    static func string(_ path: any WritableKeyPath<Configuration, String> & Sendable) -> Key {
        Key { configuration, raw, name throws(ConfigurationError) in
            switch raw {
            case .json(let any):
                guard let text = any as? String else { throw ConfigurationError(key: name, problem: "must be a string") }
                configuration[keyPath: path] = text
            case .env(let text): configuration[keyPath: path] = text
            }
        }
    }

    /// A JSON array of strings, or a comma list in the environment.
    static func strings(_ path: any WritableKeyPath<Configuration, [String]> & Sendable) -> Key {
        Key { configuration, raw, name throws(ConfigurationError) in
            switch raw {
            case .json(let any):
                guard let list = any as? [String] else { throw ConfigurationError(key: name, problem: "must be an array of strings") }
                configuration[keyPath: path] = list
            case .env(let text) where text.trimmingCharacters(in: .whitespaces).hasPrefix("["):
                guard let list = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String] else {
                    throw ConfigurationError(key: name, problem: "must be a JSON array of strings or a comma list")
                }
                configuration[keyPath: path] = list
            case .env(let text):
                configuration[keyPath: path] = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
        }
    }

    /// `[{"key": "…", "name": "…"}]` in JSON; `name:key,name:key` in the environment.
    static let apiKeys = Key { configuration, raw, name throws(ConfigurationError) in
        var keys: [Configuration.APIKey] = []
        switch raw {
        case .json(let any):
            guard let list = any as? [[String: Any]] else { throw ConfigurationError(key: name, problem: "must be an array of {\"key\", \"name\"} objects") }
            for item in list {
                guard let key = item["key"] as? String, !key.isEmpty else { throw ConfigurationError(key: name, problem: "every entry needs a non-empty \"key\"") }
                keys.append(Configuration.APIKey(key: key, name: item["name"] as? String ?? "key\(keys.count + 1)"))
            }
        case .env(let text) where text.trimmingCharacters(in: .whitespaces).hasPrefix("["):
            guard let list = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [[String: Any]] else {
                throw ConfigurationError(key: name, problem: "must be a JSON array of {\"key\", \"name\"} objects")
            }
            for item in list {
                guard let key = item["key"] as? String, !key.isEmpty else { throw ConfigurationError(key: name, problem: "every entry needs a non-empty \"key\"") }
                keys.append(Configuration.APIKey(key: key, name: item["name"] as? String ?? "key\(keys.count + 1)"))
            }
        case .env(let text):
            for entry in text.split(separator: ",") {
                let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[1].isEmpty else { throw ConfigurationError(key: name, problem: "entries must be name:key") }
                keys.append(Configuration.APIKey(key: parts[1], name: parts[0]))
            }
        }
        configuration.auth.apiKeys = keys
    }

    static let sections: [String: [String: Key]] = [
        "server": [
            "host": string(\.server.host), "port": int(\.server.port, 0...65_535), "workers": int(\.server.workers, 0...256),
            "backlog": int(\.server.backlog, 1...65_535), "max_connections": int(\.server.maxConnections, 1...1_000_000),
            "drain_timeout_ms": int(\.server.drainTimeoutMs, 0...600_000),
        ],
        "limits": [
            "max_header_bytes": int(\.limits.maxHeaderBytes, 1_024...1_048_576),
            "max_header_count": int(\.limits.maxHeaderCount, 1...10_000),
            "max_body_bytes": int(\.limits.maxBodyBytes, 1...1_073_741_824),
            "max_text_length": int(\.limits.maxTextLength, 1...100_000_000),
            "max_batch_items": int(\.limits.maxBatchItems, 1...1_000_000),
            "header_timeout_ms": int(\.limits.headerTimeoutMs, 1...3_600_000),
            "body_timeout_ms": int(\.limits.bodyTimeoutMs, 1...3_600_000),
            "idle_timeout_ms": int(\.limits.idleTimeoutMs, 1...3_600_000),
            "write_timeout_ms": int(\.limits.writeTimeoutMs, 1...3_600_000),
            "request_deadline_ms": int(\.limits.requestDeadlineMs, 1...3_600_000),
        ],
        "fetch": [
            "connect_timeout_ms": int(\.fetch.connectTimeoutMs, 1...600_000), "timeout_ms": int(\.fetch.timeoutMs, 1...600_000),
            "max_bytes": int(\.fetch.maxBytes, 1...1_073_741_824), "max_redirects": int(\.fetch.maxRedirects, 0...50),
            "user_agent": string(\.fetch.userAgent), "allow_hosts": strings(\.fetch.allowHosts),
        ],
        "auth": [
            "api_keys": apiKeys, "rate_per_second": double(\.auth.ratePerSecond, 0.001...1_000_000),
            "burst": int(\.auth.burst, 1...1_000_000),
        ],
        "cors": ["allowed_origins": strings(\.cors.allowedOrigins)],
        "logging": ["level": string(\.logging.level), "format": string(\.logging.format), "access_log": bool(\.logging.accessLog)],
        "extraction": ["default_language": string(\.extraction.defaultLanguage)],
    ]
}

/// JSONSerialization gives booleans as NSNumber; tell them apart from 0 and 1.
func CFGetTypeIDIsBool(_ number: NSNumber) -> Bool {
    // On Linux NSNumber has no Boolean subclass (the old `type(of:)` check was true for every number);
    // JSONSerialization makes booleans with objCType "c" and integers as "q"/"d".
    String(cString: number.objCType) == "c"
}
