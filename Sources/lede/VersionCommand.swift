import ArgumentParser
import Foundation
import LedeCore

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version, commit and model digests as JSON.")

    func run() {
        runReportingErrors {
            let extractor = try Extractor()
            let json = VersionInfo(models: extractor.models).json
            FileHandle.standardOutput.write(Data(JSONWriter.bytes(json, pretty: true)))
        }
    }
}
