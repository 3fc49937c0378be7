import Foundation
import LedeService
import Testing

@Suite("Configuration loading")
struct ConfigurationTests {
    func temporaryFile(_ json: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lede-config-\(UUID().uuidString).json").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func searchOrder() {
        let none = ConfigurationLoader(environment: [:], fileExists: { _ in false })
        #expect(none.configPath(explicit: nil) == nil)
        let etc = ConfigurationLoader(environment: [:], fileExists: { $0 == "/etc/lede/lede.json" })
        #expect(etc.configPath(explicit: nil) == "/etc/lede/lede.json")
        let both = ConfigurationLoader(environment: [:], fileExists: { _ in true })
        #expect(both.configPath(explicit: nil) == "config/lede.json")
        let env = ConfigurationLoader(environment: ["LEDE_CONFIG": "/x.json"], fileExists: { _ in true })
        #expect(env.configPath(explicit: nil) == "/x.json")
        #expect(env.configPath(explicit: "/flag.json") == "/flag.json")
    }

    @Test func fileThenEnvironment() throws {
        let path = try temporaryFile(#"{"server": {"port": 9000, "host": "0.0.0.0"}, "limits": {"max_batch_items": 7}, "logging": {"access_log": false}}"#)
        let (fromFile, source) = try ConfigurationLoader(environment: [:]).load(explicit: path)
        #expect(source == path)
        #expect(fromFile.server.port == 9000 && fromFile.server.host == "0.0.0.0")
        #expect(fromFile.limits.maxBatchItems == 7)
        #expect(fromFile.logging.accessLog == false)
        let environment = ["LEDE_SERVER_PORT": "9100", "LEDE_PORT": "9200", "LEDE_HOST": "::1",
                           "LEDE_CORS_ALLOWED_ORIGINS": #"["https://a.example"]"#, "LEDE_FETCH_ALLOW_HOSTS": "127.0.0.1:1,127.0.0.1:2"]
        let (overridden, _) = try ConfigurationLoader(environment: environment).load(explicit: path)
        #expect(overridden.server.port == 9100)  // the long form wins over LEDE_PORT
        #expect(overridden.server.host == "::1")
        #expect(overridden.cors.allowedOrigins == ["https://a.example"])
        #expect(overridden.fetch.allowHosts == ["127.0.0.1:1", "127.0.0.1:2"])
        #expect(overridden.limits.maxBatchItems == 7)
    }

    /// The error loading `json` (with `environment`) gives, or nil when it loads.
    func loadError(_ json: String, environment: [String: String] = [:]) throws -> ConfigurationError? {
        let path = try temporaryFile(json)
        do throws(ConfigurationError) {
            _ = try ConfigurationLoader(environment: environment).load(explicit: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func invalidValuesNameTheKey() throws {
        #expect(try loadError(#"{"server": {"port": "80"}}"#)?.key == "server.port")
        #expect(try loadError(#"{"server": {"port": 70000}}"#)?.key == "server.port")
        #expect(try loadError(#"{"server": {"workers": true}}"#)?.key == "server.workers")
        #expect(try loadError(#"{"logging": {"access_log": 1}}"#)?.key == "logging.access_log")
        #expect(try loadError(#"{"logging": {"format": "xml"}}"#)?.key == "logging.format")
        let env = try #require(try loadError("{}", environment: ["LEDE_LIMITS_MAX_BODY_BYTES": "10MB"]))
        #expect(env.key == "limits.max_body_bytes (LEDE_LIMITS_MAX_BODY_BYTES)")
    }

    @Test func unknownKeysAndSections() throws {
        let key = try #require(try loadError(#"{"server": {"prot": 1}}"#))
        #expect(key.key == "server.prot" && key.problem == "unknown key")
        #expect(try loadError(#"{"sever": {}}"#)?.key == "sever")
    }

    @Test func defaultFileMatchesBuiltInDefaults() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let (loaded, _) = try ConfigurationLoader(environment: [:]).load(explicit: root.appendingPathComponent("config/lede.json").path)
        #expect(loaded == Configuration())
    }
}
