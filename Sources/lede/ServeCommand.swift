import ArgumentParser
import Foundation
import LedeCore
import LedeHTTP
import LedeService
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP service until SIGTERM or SIGINT, then drain and exit."
    )

    @Option(help: "Configuration file (else $LEDE_CONFIG, ./config/lede.json, /etc/lede/lede.json, built-in defaults).")
    var config: String?

    @Option(help: "Address to bind (overrides server.host and the environment).")
    var host: String?

    @Option(help: "Port to listen on (overrides server.port and the environment).")
    var port: Int?

    func run() async {
        var configuration: Configuration
        let source: String
        do throws(ConfigurationError) {
            (configuration, source) = try ConfigurationLoader().load(explicit: config)
            if let host { configuration.server.host = host }
            if let port {
                guard (0...65_535).contains(port) else { throw ConfigurationError(key: "--port", problem: "must be between 0 and 65535, got \(port)") }
                configuration.server.port = port
            }
            try ConfigurationLoader.validate(configuration)
        } catch {
            (error.problem == "cannot be read" ? CLIError.unreadable("config: \(error.key): cannot be read")
                : CLIError.usage("config: \(error.key): \(error.problem)")).exit()
        }
        ServiceServer.bootstrapLogging(configuration)
        let logger = Logger(label: "lede")
        let service: ServiceServer
        do {
            service = try ServiceServer(configuration: configuration, logger: logger)
            try service.start()
        } catch let error as ModelError {
            CLIError.internalError(error.description).exit()
        } catch {
            CLIError.internalError("cannot listen on \(configuration.server.host):\(configuration.server.port): \(error)").exit()
        }
        let host = configuration.server.host.contains(":") ? "[\(configuration.server.host)]" : configuration.server.host
        logger.info("listening", metadata: ["address": "http://\(host):\(service.port)", "config": .string(source)])
        let signal = await ShutdownSignal.wait()
        logger.info("draining", metadata: ["signal": .stringConvertible(signal), "drain_timeout_ms": .stringConvertible(configuration.server.drainTimeoutMs)])
        await service.shutdown()
        logger.info("stopped")
    }
}
