import Foundation
import LedeCore

/// Reads the text a command works on from a file or standard input, strictly as UTF-8.
enum InputReader {
    static func read(_ path: String?) throws(CLIError) -> String {
        let bytes = try readBytes(path)
        guard let text = UTF8Input.decode(bytes) else { throw .badInput("\(path ?? "stdin"): not valid UTF-8") }
        return text
    }

    /// The raw bytes (HTML input decodes its own charset).
    static func readBytes(_ path: String?) throws(CLIError) -> [UInt8] {
        let bytes: Data
        if path == nil || path == "-" {
            bytes = FileHandle.standardInput.readDataToEndOfFile()
        } else if let path {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .unreadable("\(path): no such file")
            }
            guard !isDirectory.boolValue else { throw .unreadable("\(path): is a directory") }
            guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable("\(path): cannot be read") }
            bytes = data
        } else {
            bytes = Data()
        }
        return [UInt8](bytes)
    }

    /// The article bodies of a ground-truth file (`{id: {"articleBody": text}}`), in id order so
    /// that what is learnt from them is the same on every run.
    static func articleBodies(_ path: String) throws -> [String] {
        let bodies = try JSONSerialization.jsonObject(with: Data(try read(path).utf8)) as? [String: Any] ?? [:]
        return bodies.keys.sorted().compactMap { (bodies[$0] as? [String: Any])?["articleBody"] as? String }
    }
}
