/// The service configuration: one documented value with safe defaults (docs/configuration.md).
/// Loaded once at start-up by `ConfigurationLoader`; nothing deeper reads the environment.
public struct Configuration: Sendable, Equatable {
    public struct Server: Sendable, Equatable {
        public var host = "127.0.0.1"
        public var port = 8080
        /// Extraction workers; 0 means one per core.
        public var workers = 0
        public var backlog = 256
        public var maxConnections = 1024
        public var drainTimeoutMs = 20_000
    }

    public struct Limits: Sendable, Equatable {
        public var maxHeaderBytes = 65_536
        public var maxHeaderCount = 100
        public var maxBodyBytes = 10_485_760
        public var maxTextLength = 2_000_000
        public var maxBatchItems = 1_000
        public var headerTimeoutMs = 10_000
        public var bodyTimeoutMs = 30_000
        public var idleTimeoutMs = 60_000
        public var writeTimeoutMs = 30_000
        public var requestDeadlineMs = 30_000
    }

    public struct Fetch: Sendable, Equatable {
        public var connectTimeoutMs = 5_000
        public var timeoutMs = 15_000
        public var maxBytes = 5_242_880
        public var maxRedirects = 5
        public var userAgent = "Lede/1.0 (+https://github.com/lede)"
        /// Exact `host:port` entries exempt from the SSRF guard (tests only).
        public var allowHosts: [String] = []
    }

    public struct APIKey: Sendable, Equatable {
        public var key: String
        public var name: String
        public init(key: String, name: String) {
            self.key = key
            self.name = name
        }
    }

    public struct Auth: Sendable, Equatable {
        public var apiKeys: [APIKey] = []
        public var ratePerSecond = 10.0
        public var burst = 20
    }

    public struct CORS: Sendable, Equatable {
        public var allowedOrigins: [String] = []
    }

    public struct Logging: Sendable, Equatable {
        public var level = "info"
        public var format = "json"
        public var accessLog = true
    }

    public struct Extraction: Sendable, Equatable {
        public var defaultLanguage = "en"
    }

    public var server = Server()
    public var limits = Limits()
    public var fetch = Fetch()
    public var auth = Auth()
    public var cors = CORS()
    public var logging = Logging()
    public var extraction = Extraction()

    public init() {}
}
