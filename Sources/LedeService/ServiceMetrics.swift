import LedeHTTP
import Prometheus

/// The service's Prometheus metrics, served at `GET /metrics`. Also the server's observer (open connections).
public final class ServiceMetrics: HTTPServerObserver, Sendable {
    public let registry: PrometheusCollectorRegistry
    let inFlight: Gauge
    let openConnections: Gauge
    let rejectedConnections: Counter

    static let latencyBuckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        inFlight = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "lede", subsystem: "http", metricName: "requests_in_flight", unitName: "",
            helpText: "Requests being handled now."))
        openConnections = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "lede", subsystem: "http", metricName: "connections_open", unitName: "",
            helpText: "Open client connections."))
        rejectedConnections = registry.makeCounter(descriptor: MetricNameDescriptor(
            namespace: "lede", subsystem: "http", metricName: "connections_rejected", unitName: "total",
            helpText: "Connections refused at max_connections."))
    }

    /// Counts one handled request and records its latency.
    func requestFinished(route: String, method: String, status: Int, seconds: Double) {
        registry.makeCounter(descriptor: MetricNameDescriptor(
            namespace: "lede", subsystem: "http", metricName: "requests", unitName: "total",
            helpText: "HTTP requests by route, method and status."),
            labels: [("route", route), ("method", method), ("status", String(status))]).increment()
        registry.makeValueHistogram(descriptor: MetricNameDescriptor(
            namespace: "lede", subsystem: "http", metricName: "request_duration", unitName: "seconds",
            helpText: "Time to handle a request, by route."),
            labels: [("route", route)], buckets: Self.latencyBuckets).record(seconds)
    }

    /// Records the pipeline's stage durations of one extraction.
    func extractionFinished(_ timings: [(stage: String, milliseconds: Double)]) {
        for (stage, milliseconds) in timings {
            registry.makeValueHistogram(descriptor: MetricNameDescriptor(
                namespace: "lede", subsystem: "extraction", metricName: "stage_duration", unitName: "seconds",
                helpText: "Time spent in each pipeline stage."),
                labels: [("stage", stage)], buckets: Self.latencyBuckets).record(milliseconds / 1000)
        }
    }

    func protocolErrorCounter(code: String) -> Counter {
        registry.makeCounter(descriptor: MetricNameDescriptor(
            namespace: "lede", subsystem: "http", metricName: "protocol_errors", unitName: "total",
            helpText: "Requests the server refused by itself, by code."), labels: [("code", code)])
    }

    /// The Prometheus text exposition.
    public func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }

    public func connectionOpened(active: Int) { openConnections.set(Double(active)) }
    public func connectionClosed(active: Int) { openConnections.set(Double(active)) }
    public func connectionRejected() { rejectedConnections.increment() }
    public func protocolError(_ error: HTTPServerError) { protocolErrorCounter(code: error.code).increment() }
}
