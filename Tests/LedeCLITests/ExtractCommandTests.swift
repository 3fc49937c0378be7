import Foundation
import LedeTestSupport
import Testing

/// `lede extract` and `lede version` as a user runs them: results, exit codes (sysexits) and
/// one-line errors on stderr.
@Suite struct ExtractCommandTests {
    let example = RepoPaths.sharedFile("examples/moscow-iran-2025-06-23.txt").path
    let validator = try! JSONSchemaValidator.ledeV1()

    @Test func example_extractsAndValidates_withEveryLayer() throws {
        for extra in [[], ["--include", "tokens,event_mentions,timings"], ["--pretty"]] {
            let result = try LedeProcess.run(["extract", "--published", "2025-06-23", example] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            let violations = validator.validate(result.stdout)
            #expect(violations.isEmpty, "\(violations.prefix(5))")
        }
    }

    @Test func stdin_andFile_giveByteIdenticalOutput() throws {
        let fromFile = try LedeProcess.run(["extract", "--published", "2025-06-23", example])
        let fromStdin = try LedeProcess.run(["extract", "--published", "2025-06-23", "-"],
                                            stdin: FileManager.default.contents(atPath: example))
        #expect(fromFile.status == 0)
        #expect(fromFile.stdout == fromStdin.stdout)
        let again = try LedeProcess.run(["extract", "--published", "2025-06-23", example])
        #expect(again.stdout == fromFile.stdout)
    }

    @Test(arguments: [
        (["extract", "-"], Data([0x66, 0x6F, 0xFF, 0xFE]), Int32(65), "not valid UTF-8"),
        (["extract", "-"], Data("  \n\t ".utf8), Int32(65), "empty"),
        (["extract", "/nonexistent/article.txt"], nil, Int32(66), "no such file"),
        (["extract", "/tmp"], nil, Int32(66), "is a directory"),
        (["extract", "--published", "Monday", "-"], Data("Text.".utf8), Int32(64), "--published"),
        (["extract", "--include", "tokens,bogus", "-"], Data("Text.".utf8), Int32(64), "bogus"),
    ] as [([String], Data?, Int32, String)])
    func invalidInput_failsCleanly(_ arguments: [String], _ stdin: Data?, _ status: Int32, _ message: String) throws {
        let result = try LedeProcess.run(arguments, stdin: stdin)
        #expect(result.status == status)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    @Test func version_listsModelDigests() throws {
        let result = try LedeProcess.run(["version"])
        #expect(result.status == 0)
        #expect(validator.validate(result.stdout, against: "Version").isEmpty)
        let json = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
        let models = json?["models"] as? [[String: String]] ?? []
        #expect(models.contains { $0["name"] == "sentences" && $0["sha256"]?.count == 64 })
    }
}
