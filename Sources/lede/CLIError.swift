import ArgumentParser
import Foundation
import LedeCore
import LedeService

/// Every failure the CLI reports, with its sysexits code (the contract's exit codes), mapped here only.
enum CLIError: Error, CustomStringConvertible {
    case usage(String)
    case badInput(String)
    case unreadable(String)
    case fetchFailed(String)
    case internalError(String)

    var exitCode: Int32 {
        switch self {
        case .usage: return 64
        case .badInput: return 65
        case .unreadable: return 66
        case .fetchFailed: return 69
        case .internalError: return 70
        }
    }

    var description: String {
        switch self {
        case .usage(let m), .badInput(let m), .unreadable(let m), .fetchFailed(let m), .internalError(let m): return m
        }
    }

    init(_ error: ExtractionError) {
        self = .badInput(error.description)
    }

    /// The service's errors as the CLI reports them: fetch failures exit 69, bad input 65, bad URLs 64.
    init(_ error: APIError) {
        switch error.code {
        case .invalidURL: self = .usage(error.message)
        case .fetchBlocked, .fetchTooLarge, .unsupportedContentType, .upstreamStatus, .fetchFailed, .fetchTimeout:
            self = .fetchFailed(error.message)
        case .internal: self = .internalError(error.message)
        default: self = .badInput(error.message)
        }
    }

    /// Prints `lede: message` on stderr (one line) and exits with the code.
    func exit() -> Never {
        FileHandle.standardError.write(Data("lede: \(description)\n".utf8))
        Foundation.exit(exitCode)
    }
}

/// Runs a command body, turning any `CLIError` into its one-line message and exit code.
func runReportingErrors(_ body: () throws -> Void) {
    do {
        try body()
    } catch let error as CLIError {
        error.exit()
    } catch let error as ModelError {
        CLIError.internalError(error.description).exit()
    } catch {
        CLIError.internalError("\(error)").exit()
    }
}
