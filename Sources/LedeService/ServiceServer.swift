import Foundation
import LedeCore
import LedeFetch
import LedeHTTP
import Logging

/// Wires a `Configuration` into a running service: the extractor (built once), the router, the metrics and the
/// `HTTPServer` with the configured limits and timeouts.
public final class ServiceServer: Sendable {
    public let configuration: Configuration
    public let server: HTTPServer
    public let router: ServiceRouter

    /// Builds everything; `extractor` may be passed in (tests share one).
    public init(configuration: Configuration, extractor: Extractor? = nil, logger: Logger = Logger(label: "lede")) throws {
        self.configuration = configuration
        let extractor = try extractor ?? Extractor(store: ModelStore(), defaultLanguage: configuration.extraction.defaultLanguage,
                                                   maxTextLength: configuration.limits.maxTextLength)
        let metrics = ServiceMetrics()
        let stateSource = ServerStateSource()
        var access = logger
        access[metadataKey: "component"] = "access"
        let service = ExtractionService(extractor: extractor, fetcher: Fetcher(configuration: Self.fetchConfiguration(configuration.fetch)))
        router = ServiceRouter(service: service, configuration: configuration,
                               metrics: metrics, stateSource: stateSource, logger: access)
        server = HTTPServer(configuration: Self.httpConfiguration(configuration, observer: metrics, logger: logger), handler: router)
        stateSource.attach(server)
    }

    /// The fetcher settings for the `fetch` section.
    public static func fetchConfiguration(_ f: Configuration.Fetch) -> FetchConfiguration {
        FetchConfiguration(connectTimeout: .milliseconds(f.connectTimeoutMs), totalTimeout: .milliseconds(f.timeoutMs),
                           maxBodyBytes: f.maxBytes, maxRedirects: f.maxRedirects, userAgent: f.userAgent,
                           allowHosts: Set(f.allowHosts))
    }

    /// The server settings for a service configuration.
    public static func httpConfiguration(_ c: Configuration, observer: (any HTTPServerObserver)?, logger: Logger) -> HTTPServer.Configuration {
        var http = HTTPServer.Configuration(host: c.server.host, port: c.server.port)
        http.backlog = Int32(c.server.backlog)
        if c.server.workers > 0 { http.workerCount = c.server.workers }
        http.maxConnections = c.server.maxConnections
        http.maxHeaderBytes = c.limits.maxHeaderBytes
        http.maxHeaderCount = c.limits.maxHeaderCount
        http.maxBodyBytes = c.limits.maxBodyBytes
        http.headerReadTimeout = .milliseconds(c.limits.headerTimeoutMs)
        http.bodyReadTimeout = .milliseconds(c.limits.bodyTimeoutMs)
        http.idleTimeout = .milliseconds(c.limits.idleTimeoutMs)
        http.writeTimeout = .milliseconds(c.limits.writeTimeoutMs)
        http.handlerDeadline = .milliseconds(c.limits.requestDeadlineMs)
        http.errorResponder = APIError.serverErrorResponder
        http.observer = observer
        http.logger = logger
        return http
    }

    public func start() throws { try server.start() }
    public var port: Int { server.port }

    public func shutdown() async {
        await server.shutdown(drainTimeout: .milliseconds(configuration.server.drainTimeoutMs))
    }

    /// Installs the swift-log backend `logging.format` and `logging.level` ask for (call once per process).
    public static func bootstrapLogging(_ c: Configuration) {
        let level = Logger.Level(rawValue: c.logging.level) ?? .info
        if c.logging.format == "json" {
            LoggingSystem.bootstrap { JSONLogHandler(label: $0, level: level) }
        } else {
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
    }
}
