import Glibc

/// A failure of a POSIX socket call, with the call's name and the `errno` it set.
///
/// Built at the call site by ``Syscall`` so logs say exactly which call failed (`bind`, `accept4`, …).
public enum SocketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call returned -1 with an `errno` other than `EINTR`/`EAGAIN`.
    case failed(call: String, errno: Int32)
    /// The bind host is neither an IPv4/IPv6 literal nor a resolvable name.
    case invalidAddress(String)

    /// A human-readable description such as `bind failed: Address already in use (errno 98)`.
    public var description: String {
        switch self {
        case let .failed(call, code):
            let message = strerror(code).map { String(decoding: UnsafeRawBufferPointer(start: $0, count: strlen($0)), as: UTF8.self) } ?? "unknown"
            return "\(call) failed: \(message) (errno \(code))"
        case let .invalidAddress(address):
            return "invalid bind address: \(address)"
        }
    }
}
